package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.SetKind.LEAD_PRODUCTS;
import static com.crm.leads.app.SetKind.PRODUCTS;
import static com.crm.leads.app.SetKind.ROW_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code products_set} (LEADS-API.md, section 5): a row holds exactly one of a product, a product type, a product
 * brand or a product family, and {@code lead_products_set} is its synonym.
 */
class LeadProductsApiTest extends ApiTest {

    static Stream<Arguments> productKinds() {
        return Stream.of(
                arguments("product_identifier", Map.of("code", "123"), "product", "products",
                        "99E46901A95B4E31A60BBE67280F2522"),
                arguments("product_identifier", Map.of("alternative_code", "MM"), "product", "products",
                        "1C0C951B05964343B7FA38545E12CD48"),
                arguments("product_type_identifier", Map.of("alternative_code", "AO"), "product_type",
                        "product_types", "F2C55DDCB61C4BEBA137CA4FE1317175"),
                arguments("product_brand_identifier", Map.of("name", "Corso Shoes"), "product_brand",
                        "product_brands", "5A917782ACA648B3BEAF417D1E64C43F"),
                arguments("product_brand_identifier", Map.of("alternative_code", "ACU"), "product_brand",
                        "product_brands", "60DDC4DE416641C9B56D119A6F8FDF9B"),
                arguments("product_family_identifier", Map.of("code", "DS"), "product_family",
                        "product_families", "B2080CE50BE641F0A7A0F866F3DB7DF4"),
                arguments("product_family_identifier", Map.of("name", "Channels"), "product_family",
                        "product_families", "5432773B865246E3B10A47CD130183C7"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("productKinds")
    void eachProductKindLandsInItsOwnFieldOfTheRowAndTheOthersAreNull(
            String kind, Map<String, String> identifier, String field, String catalogueKind, String id) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "products_set",
                List.of(Map.of("action", "add", "lead_product_identifier", Map.of(kind, identifier)))));

        JsonNode row = answer.path("products_set").get(0);
        assertThat(answer.path("products_set")).hasSize(1);
        assertThat(fieldNames(row)).containsExactlyInAnyOrder(
                "id", "product", "product_type", "product_brand", "product_family");
        assertThat(row.path("id").asText()).matches(ROW_ID);
        assertThat(row.path(field)).isEqualTo(catalogueEntry(catalogueKind, id));
        for (String other : List.of("product", "product_type", "product_brand", "product_family")) {
            if (!other.equals(field)) {
                assertThat(row.get(other).isNull()).as("%s of a %s row: %s", other, field, row).isTrue();
            }
        }

        JsonNode removed = applied(update(answer, "products_set",
                List.of(Map.of("action", "remove", "lead_product_identifier", Map.of(kind, identifier)))));
        assertThat(removed.path("products_set")).isEmpty();
    }

    @Test
    void aProductEntryNamingTwoKindsIsInvalidIdentifier() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "products_set", List.of(Map.of("action", "add", "lead_product_identifier", Map.of(
                        "product_identifier", Map.of("code", "123"),
                        "product_type_identifier", Map.of("name", "Add-ons"))))),
                "INVALID_IDENTIFIER", 400, "products_set[0].lead_product_identifier");
    }

    static Stream<Arguments> productEntriesNamingNoKind() {
        return Stream.of(
                arguments(Map.of("action", "add", "lead_product_identifier", Map.of()), "an empty identifier"),
                arguments(Map.of("action", "add"), "no lead_product_identifier"),
                arguments(Map.of("action", "add", "lead_product_identifier",
                        Map.of("product_category_identifier", Map.of("name", "Add-ons"))), "an unknown kind"),
                arguments(Map.of("action", "add", "lead_product_identifier", Map.of("id", "0123456789ABCDEF0123456789ABCDEF")),
                        "a row id on an add"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("productEntriesNamingNoKind")
    void aProductEntryNamingNoKnownKindIsInvalidIdentifier(Map<String, Object> entry, String label) {
        JsonNode lead = newLead();

        refused(lead, update(lead, "products_set", List.of(entry)),
                "INVALID_IDENTIFIER", 400, "products_set[0].lead_product_identifier");
    }

    @Test
    void aProductAndAProductTypeAreDifferentMembersEvenForTheSameThing() {
        // The default catalogue has no product whose code is a product type's name, so the closest case: the
        // subscription package "Local + Documentaries + Sport" as a product, and the type "Subscription Packages".
        JsonNode lead = newLead();
        Map<String, Object> product = Map.of("action", "add", "lead_product_identifier",
                Map.of("product_identifier", Map.of("code", "Local + Documentaries + Sport")));

        JsonNode both = applied(update(lead, "products_set", List.of(PRODUCTS.add("Subscription Packages"), product)));

        assertThat(both.path("products_set")).hasSize(2);
        assertThat(both.path("products_set").get(0).path("product_type").path("name").asText())
                .isEqualTo("Subscription Packages");
        assertThat(both.path("products_set").get(1).path("product").path("code").asText())
                .isEqualTo("Local + Documentaries + Sport");

        JsonNode typeRemoved = applied(update(both, "products_set", List.of(PRODUCTS.remove("Subscription Packages"))));
        assertThat(typeRemoved.path("products_set")).containsExactly(both.path("products_set").get(1));
    }

    @Test
    void removingAMemberUnderAnotherKindThanItWasAddedAsIsNotFound400() {
        // the lead has the product type Subscription Packages, not the product Local + Documentaries + Sport
        JsonNode lead = newLead(Map.of("products_set", List.of(PRODUCTS.add("Subscription Packages"))));

        refused(lead, update(lead, "products_set", List.of(Map.of("action", "remove", "lead_product_identifier",
                        Map.of("product_identifier", Map.of("code", "Local + Documentaries + Sport"))))),
                "NOT_FOUND", 400, "products_set[0]");
    }

    @Test
    void productsSetAndItsSynonymLeadProductsSetInOneCallIsInvalidParameter() {
        JsonNode lead = newLead();

        Answer answer = refused(lead, update(lead, "products_set", List.of(PRODUCTS.add("Add-ons")),
                "lead_products_set", List.of(LEAD_PRODUCTS.add("Additional Services"))), "INVALID_PARAMETER", 400, null);

        assertThat(answer.description()).isIn("products_set", "lead_products_set");
    }

    @Test
    void aProductAddedWithProductsSetIsRemovedWithLeadProductsSet() {
        JsonNode lead = newLead(Map.of("products_set", List.of(PRODUCTS.add("Add-ons"))));

        JsonNode answer = applied(update(lead, "lead_products_set", List.of(LEAD_PRODUCTS.remove("Add-ons"))));

        assertThat(answer.path("products_set")).isEmpty();
    }
}
