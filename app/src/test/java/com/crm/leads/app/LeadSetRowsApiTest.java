package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.DefaultCatalogue.COMPETITOR_1_ID;
import static com.crm.leads.app.DefaultCatalogue.MARIOS_ID;
import static com.crm.leads.app.DefaultCatalogue.SUPERVISOR_ID;
import static com.crm.leads.app.SetKind.COMPETITORS;
import static com.crm.leads.app.SetKind.PRODUCTS;
import static com.crm.leads.app.SetKind.ROW_ID;
import static com.crm.leads.app.SetKind.USERS;
import static com.crm.leads.app.SetKind.rowIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * What the rows of {@code competitors_set} and {@code users_set} show (LEADS-API.md, section 7), and sets given on
 * {@code leads/create}, which add their rows as an update would.
 */
class LeadSetRowsApiTest extends ApiTest {

    @Test
    void competitorRowsShowTheCatalogueCompetitorNamedByNameOrId() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "competitors_set", List.of(
                Map.of("action", "add", "competitor_identifier", Map.of("id", COMPETITOR_1_ID)),
                COMPETITORS.add("MagnaQuest"))));

        JsonNode rows = answer.path("competitors_set");
        assertThat(rows).hasSize(2);
        assertThat(fieldNames(rows.get(0))).containsExactlyInAnyOrder("id", "competitor");
        assertThat(rows.get(0).path("competitor")).isEqualTo(catalogueEntry("competitors", COMPETITOR_1_ID));
        assertThat(rows.get(0).path("competitor").path("website").asText()).isEqualTo("www.competitor1.com");
        assertThat(rows.get(1).path("competitor").path("name").asText()).isEqualTo("MagnaQuest");
        assertThat(rows.get(1).path("competitor").path("website").isNull()).isTrue();
    }

    @Test
    void aCompetitorAddedByIdIsRemovedByItsName() {
        JsonNode lead = newLead(Map.of("competitors_set",
                List.of(Map.of("action", "add", "competitor_identifier", Map.of("id", COMPETITOR_1_ID)))));

        JsonNode answer = applied(update(lead, "competitors_set", List.of(COMPETITORS.remove("Competitor 1"))));

        assertThat(answer.path("competitors_set")).isEmpty();
    }

    @Test
    void userRowsShowTheUserWithoutCredentialsNamedByUsernameOrId() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "users_set", List.of(
                USERS.add("supervisor"),
                Map.of("action", "add", "user_identifier", Map.of("id", MARIOS_ID)))));

        JsonNode rows = answer.path("users_set");
        assertThat(rows).hasSize(2);
        assertThat(fieldNames(rows.get(0))).containsExactlyInAnyOrder("id", "user");
        JsonNode user = rows.get(0).path("user");
        assertThat(fieldNames(user)).containsExactlyInAnyOrder("id", "username", "person_name", "email");
        assertThat(user.path("id").asText()).isEqualTo(SUPERVISOR_ID);
        assertThat(user.path("email").asText()).isEqualTo("super@visor.com");
        assertThat(rows.get(1).path("user").path("username").asText()).isEqualTo("mariosmtest");

        JsonNode removed = applied(update(answer, "users_set", List.of(
                Map.of("action", "remove", "lead_user_identifier", Map.of("user_identifier", Map.of("id", SUPERVISOR_ID))))));
        assertThat(USERS.labels(removed.path("users_set"))).containsExactly("mariosmtest");
    }

    @Test
    void aLeadCreatedWithCompetitorsSetAddsGetsThoseRowsInOrder() {
        JsonNode lead = newLead(Map.of("competitors_set", List.of(COMPETITORS.add("Competitor 2"),
                COMPETITORS.add("ADD", "MagnaQuest"))));

        assertThat(COMPETITORS.labels(lead.path("competitors_set"))).containsExactly("Competitor 2", "MagnaQuest");
        assertThat(rowIds(lead.path("competitors_set")))
                .hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches(ROW_ID));
        assertThat(show(admin, lead).ok().data()).isEqualTo(lead);
    }

    @Test
    void aLeadCreatedWithUsersAndProductsSetsGetsThoseRows() {
        JsonNode lead = newLead(Map.of(
                "users_set", List.of(USERS.add("supervisor")),
                "products_set", List.of(PRODUCTS.add("Add-ons"), Map.of("action", "add", "lead_product_identifier",
                        Map.of("product_brand_identifier", Map.of("name", "Corso Shoes")))),
                "services_set", List.of(Map.of("action", "add", "product_identifier", Map.of("code", "MAD MAX")))));

        assertThat(USERS.labels(lead.path("users_set"))).containsExactly("supervisor");
        JsonNode products = lead.path("products_set");
        assertThat(products).hasSize(3);
        assertThat(rowIds(products)).doesNotHaveDuplicates().allMatch(id -> id.matches(ROW_ID));
        assertThat(products.get(0).path("product_type").path("name").asText()).isEqualTo("Add-ons");
        assertThat(products.get(1).path("product_brand").path("name").asText()).isEqualTo("Corso Shoes");
        assertThat(products.get(2).path("product").path("code").asText()).isEqualTo("MAD MAX");
    }

    static Stream<Arguments> badCreateSets() {
        return Stream.of(
                arguments(List.of(COMPETITORS.remove("Competitor 1")), "NOT_FOUND", "competitors_set[0]"),
                arguments(List.of(COMPETITORS.add("update", "Competitor 1")), "INVALID_PARAMETER",
                        "competitors_set[0].action"),
                arguments(List.of(COMPETITORS.add("Competitor 1"), COMPETITORS.add("No Such Competitor")), "NOT_FOUND",
                        "competitors_set[1].competitor_identifier"));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("badCreateSets")
    void aCreateWithABadSetEntryIsRefused(List<Map<String, Object>> entries, String code, String description) {
        ObjectNode request = body(admin);
        request.set("contact_information_identifier", json.valueToTree(Map.of("name", "Filippos Constantinou")));
        request.set("type_identifier", json.valueToTree(Map.of("name", "New Customer")));
        request.set("status_identifier", json.valueToTree(Map.of("name", "New")));
        request.put("importance", "IMPORTANCE3").put("priority", 4);
        request.set("competitors_set", json.valueToTree(entries));

        Answer answer = post("/leads/create", request).fails(code, 400);

        assertThat(answer.description()).isEqualTo(description);
    }
}
