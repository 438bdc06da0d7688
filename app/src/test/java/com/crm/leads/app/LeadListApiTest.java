package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * leads/list: filters, paging and fields_set. Other tests share the database, so each test lists only the leads it
 * made, by a search value of its own.
 */
class LeadListApiTest extends ApiTest {

    private String token;
    private String tag;

    @BeforeEach
    void aTagOfThisTestsOwn() {
        token = token();
        tag = "list-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode lead(int index, Map<String, Object> extra) {
        Map<String, Object> parameters = new HashMap<>(extra);
        parameters.put("contact_email", tag + "-" + index + "@example.com");
        return createLead(token, parameters);
    }

    private ServiceClient.Answer list(Map<String, String> filters) {
        Map<String, String> parameters = new HashMap<>(filters);
        parameters.put("token", token);
        parameters.putIfAbsent("search_value", tag);
        return get("/leads/list", parameters);
    }

    private static List<String> numbers(JsonNode leads) {
        return StreamSupport.stream(leads.spliterator(), false).map(lead -> lead.path("number").asText()).toList();
    }

    @Test
    void leadsComeByNumberWithTheirPaging() {
        JsonNode first = lead(1, Map.of());
        JsonNode second = lead(2, Map.of());
        JsonNode third = lead(3, Map.of());

        ServiceClient.Answer page = list(Map.of("records_per_page", "2"));

        assertThat(numbers(page.ok().data())).containsExactly(first.path("number").asText(),
                second.path("number").asText());
        assertThat(page.body().path("paging").path("page").asInt()).isEqualTo(1);
        assertThat(page.body().path("paging").path("records_per_page").asInt()).isEqualTo(2);
        assertThat(page.body().path("paging").path("total").asLong()).isEqualTo(3);
        assertThat(numbers(list(Map.of("records_per_page", "2", "page", "2")).ok().data()))
                .containsExactly(third.path("number").asText());
        assertThat(list(Map.of("records_per_page", "2", "page", "3")).ok().data()).isEmpty();
    }

    @Test
    void eachLeadIsTheWholeLeadUnlessFieldsSetNamesSome() {
        JsonNode created = lead(1, Map.of("description", "listed"));

        JsonNode whole = list(Map.of()).ok().data().get(0);
        JsonNode some = list(Map.of("fields_set", "number,version")).ok().data().get(0);

        assertThat(whole).isEqualTo(created);
        assertThat(some.size()).isEqualTo(2);
        assertThat(some.path("number").asText()).isEqualTo(created.path("number").asText());
    }

    @Test
    void filtersNarrowTheListAndCombine() {
        JsonNode important = lead(1, Map.of("importance", "IMPORTANCE5",
                "category_identifier", Map.of("name", "Software Purchase")));
        JsonNode other = lead(2, Map.of("importance", "IMPORTANCE5"));
        lead(3, Map.of("importance", "IMPORTANCE1"));

        assertThat(numbers(list(Map.of("importance", "IMPORTANCE5")).ok().data()))
                .containsExactly(important.path("number").asText(), other.path("number").asText());
        assertThat(numbers(list(Map.of("importance", "IMPORTANCE5",
                "category_identifier", "name=Software Purchase")).ok().data()))
                .containsExactly(important.path("number").asText());
        assertThat(numbers(list(Map.of("category_identifier", "code=SP")).ok().data()))
                .containsExactly(important.path("number").asText());
    }

    @Test
    void theStatusAndLifeCycleFiltersFollowUpdates() {
        JsonNode won = lead(1, Map.of());
        JsonNode open = lead(2, Map.of());
        post("/leads/update", updateOf(token, won).set("status_identifier",
                json.createObjectNode().put("name", "Won"))).ok();

        assertThat(numbers(list(Map.of("status_identifier", "name=Won")).ok().data()))
                .containsExactly(won.path("number").asText());
        assertThat(numbers(list(Map.of("life_cycle_state", "PENDING")).ok().data()))
                .containsExactly(open.path("number").asText());
    }

    @Test
    void assignedUserAndOwningGroupAreFilters() {
        JsonNode assigned = lead(1, Map.of("assigned_to", Map.of("unit_identifier", Map.of("name", "Sales Unit"),
                        "user_identifier", Map.of("username", "supervisor")),
                "owned_by_group_identifier", Map.of("name", "CSR Group")));
        lead(2, Map.of());

        assertThat(numbers(list(Map.of("assigned_to_user_identifier", "username=supervisor")).ok().data()))
                .containsExactly(assigned.path("number").asText());
        assertThat(numbers(list(Map.of("owned_by_group_identifier", "alternative_code=CSR")).ok().data()))
                .containsExactly(assigned.path("number").asText());
    }

    @Test
    void theSearchValueFindsALeadByItsNumberOrContact() {
        JsonNode created = lead(1, Map.of());

        assertThat(numbers(get("/leads/list", Map.of("token", token, "search_value",
                created.path("number").asText())).ok().data())).containsExactly(created.path("number").asText());
        assertThat(get("/leads/list", Map.of("token", token, "search_value", "FILIPPOS CONST",
                "records_per_page", "1")).ok().body().path("paging").path("total").asLong()).isPositive();
    }

    @Test
    void theUpdatedDateRangeNarrowsTheList() {
        JsonNode created = lead(1, Map.of());
        String updated = created.path("log_information").path("updated_date").asText();

        assertThat(numbers(list(Map.of("updated_date_from", updated, "updated_date_to", updated)).ok().data()))
                .containsExactly(created.path("number").asText());
        assertThat(list(Map.of("updated_date_to", "2000-01-01")).ok().data()).isEmpty();
    }

    @Test
    void badListParametersAreRefusedByName() {
        list(Map.of("records_per_page", "1001")).fails("INVALID_PARAMETER", 400);
        list(Map.of("page", "0")).fails("INVALID_PARAMETER", 400);
        assertThat(list(Map.of("importance", "VERY")).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("importance");
        assertThat(list(Map.of("life_cycle_state", "OPEN")).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("life_cycle_state");
        assertThat(list(Map.of("updated_date_from", "yesterday")).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("updated_date_from");
        assertThat(list(Map.of("status_identifier", "name=Nope")).fails("NOT_FOUND", 400).description())
                .isEqualTo("status_identifier");
        assertThat(list(Map.of("status_identifier", "colour=red")).fails("INVALID_IDENTIFIER", 400).description())
                .isEqualTo("status_identifier");
        assertThat(list(Map.of("fields_set", "number,colour")).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("fields_set");
        assertThat(list(Map.of("colour", "red")).fails("INVALID_PARAMETER", 400).description()).isEqualTo("colour");
        get("/leads/list", Map.of()).fails("INVALID_TOKEN", 401);
    }
}
