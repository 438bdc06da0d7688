package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.SetKind.COMPETITORS;
import static com.crm.leads.app.SetKind.ROW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The deprecated {@code services_set}, {@code physical_goods_set} and {@code subscription_packages} (LEADS-API.md,
 * section 5): each adds and removes products of its own classification in {@code products_set}.
 */
class DeprecatedProductSetsApiTest extends ApiTest {

    static Stream<Arguments> deprecatedSets() {
        return Stream.of(
                arguments("services_set", "MAD MAX", "1C0C951B05964343B7FA38545E12CD48"),
                arguments("physical_goods_set", "SMART CARD", "E1AC7547A6BF4C55A23599E64825D3FF"),
                arguments("subscription_packages", "Local + Documentaries + Sport", "3FACF409E7E091F96C52318BAD1AEF1C"));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("deprecatedSets")
    void aDeprecatedProductSetAddsAndRemovesProductsOfItsClassificationInProductsSet(
            String parameter, String code, String id) {
        JsonNode lead = newLead();

        JsonNode added = applied(update(lead, parameter,
                List.of(Map.of("action", "ADD", "product_identifier", Map.of("code", code)))));

        JsonNode rows = added.path("products_set");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).path("id").asText()).matches(ROW_ID);
        assertThat(rows.get(0).path("product")).isEqualTo(catalogueEntry("products", id));
        assertThat(rows.get(0).path("product_type").isNull()).isTrue();
        assertThat(version(added)).isEqualTo(version(lead) + 1);

        JsonNode removed = applied(update(added, parameter,
                List.of(Map.of("action", "remove", "product_identifier", Map.of("id", id)))));
        assertThat(removed.path("products_set")).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("deprecatedSets")
    void aProductInProductsSetIsTheSameMemberForTheDeprecatedSetOfItsClassification(
            String parameter, String code, String id) {
        JsonNode lead = newLead(Map.of("products_set", List.of(Map.of("action", "add", "lead_product_identifier",
                Map.of("product_identifier", Map.of("code", code))))));

        JsonNode again = applied(update(lead, parameter,
                List.of(Map.of("action", "add", "product_identifier", Map.of("code", code)))));
        assertSameLead(again, lead);

        JsonNode removed = applied(update(lead, parameter,
                List.of(Map.of("action", "remove", "product_identifier", Map.of("code", code)))));
        assertThat(removed.path("products_set")).isEmpty();
    }

    @ParameterizedTest(name = "{0} with {1}, a {2}")
    @CsvSource({
            "services_set, 123, physical good",
            "services_set, Local + Documentaries + Sport, subscription package",
            "physical_goods_set, MAD MAX, service",
            "physical_goods_set, Local + Documentaries + Sport, subscription package",
            "subscription_packages, SMART CARD, physical good",
            "subscription_packages, MAD MAX, service"})
    void aProductOfAnotherClassificationIsInvalidParameter(String parameter, String code, String label) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, List.of(Map.of("action", "add", "product_identifier", Map.of("code", code)))),
                "INVALID_PARAMETER", 400, parameter + "[0].product_identifier");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deprecatedSets")
    void aDeprecatedSetRefusesUnknownProductsAbsentMembersAndActionUpdate(
            String parameter, String code, String id) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, List.of(Map.of("action", "add", "product_identifier", Map.of("code", "NOPE")))),
                "NOT_FOUND", 400, parameter + "[0].product_identifier");
        refused(lead, update(lead, parameter, List.of(Map.of("action", "remove", "product_identifier", Map.of("code", code)))),
                "NOT_FOUND", 400, parameter + "[0]");
        Answer update = refused(lead, update(lead, parameter, List.of(Map.of("action", "update", "product_identifier",
                        Map.of("code", code)))), "INVALID_PARAMETER", 400, parameter + "[0].action");
        assertThat(update.message()).containsIgnoringCase("nothing to update");
        refused(lead, update(lead, parameter, List.of(Map.of("action", "frobnicate", "product_identifier",
                        Map.of("code", code)))), "INVALID_PARAMETER", 400, parameter + "[0].action");
    }

    @Test
    void aRemovalThroughADeprecatedSetThatIsNotInProductsSetRefusesTheWholeCall() {
        JsonNode lead = newLead(Map.of("competitors_set", List.of(COMPETITORS.add("Competitor 1"))));

        refused(lead, update(lead, "competitors_set", List.of(COMPETITORS.remove("Competitor 1")),
                        "services_set", List.of(Map.of("action", "remove", "product_identifier", Map.of("code", "MAD MAX")))),
                "NOT_FOUND", 400, "services_set[0]");
    }
}
