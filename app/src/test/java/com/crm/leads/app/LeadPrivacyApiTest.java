package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Who sees which lead (LEADS-API.md, section 11): supervisor signed in to Sales Unit has access up to Public, so a
 * lead at Group does not exist for it, by any method; in Admin Unit (access up to Private) it sees that lead.
 */
class LeadPrivacyApiTest extends ApiTest {

    /** Far beyond any number the tests' leads reach, so it is never used. */
    private static final String NUMBER_NEVER_USED = "987654321";
    private static final String ID_NEVER_USED = "0123456789ABCDEF0123456789ABCDEF";

    private String salesUnit;
    private String tag;

    @BeforeEach
    void signInToSalesUnit() {
        salesUnit = post("/authentication/token", Map.of("username", "supervisor", "password", password(),
                "organisation", "CRM", "unit", Map.of("name", "Sales Unit"))).ok().data().path("token").asText();
        tag = "privacy-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode leadAt(String privacyLevel) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("contact_email", tag + "@example.com");
        if (privacyLevel != null) {
            extra.put("privacy_level_identifier", Map.of("name", privacyLevel));
        }
        return newLead(extra);
    }

    /** A call about one lead, given the token and how the call names the lead (its id or number). */
    @FunctionalInterface
    interface CallAbout {
        Answer apply(LeadPrivacyApiTest test, String token, Map<String, String> lead);
    }

    static Stream<Arguments> callsAboutOneLead() {
        return Stream.of(
                arguments("show", (CallAbout) (test, token, lead) -> test.get("/leads/show",
                        test.query(token, lead))),
                arguments("show as_of_version", (CallAbout) (test, token, lead) -> test.get("/leads/show",
                        test.query(token, lead, "as_of_version", "1"))),
                arguments("show as_of_date", (CallAbout) (test, token, lead) -> test.get("/leads/show",
                        test.query(token, lead, "as_of_date", "2999-12-31"))),
                arguments("history", (CallAbout) (test, token, lead) -> test.get("/leads/history",
                        test.query(token, lead))),
                arguments("status_durations", (CallAbout) (test, token, lead) -> test.get("/leads/status_durations",
                        test.query(token, lead))),
                arguments("update", (CallAbout) (test, token, lead) -> test.post("/leads/update",
                        test.updateBody(token, lead).put("description", "seen after all"))),
                arguments("revert", (CallAbout) (test, token, lead) -> test.post("/leads/revert",
                        test.updateBody(token, lead).put("to_version", 4).put("dry_run", true))),
                arguments("update of its privacy level", (CallAbout) (test, token, lead) -> test.post("/leads/update",
                        test.updateBody(token, lead).putNull("privacy_level_identifier"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("callsAboutOneLead")
    void aLeadBeyondTheUnitsAccessAnswersAsANumberNeverUsed(String method, CallAbout call) {
        JsonNode hidden = leadAt("Group");

        for (String by : List.of("number", "id")) {
            String named = hidden.path(by).asText();
            String neverUsed = by.equals("number") ? NUMBER_NEVER_USED : ID_NEVER_USED;
            Answer refused = call.apply(this, salesUnit, Map.of(by, named));
            Answer never = call.apply(this, salesUnit, Map.of(by, neverUsed));

            never.fails("NOT_FOUND", 404);
            assertThat(refused.status()).as("HTTP status by %s", by).isEqualTo(never.status());
            assertThat(refused.body().toString().replace(named, neverUsed)).as("answer by %s", by)
                    .isEqualTo(never.body().toString());
        }
        assertThat(show(hidden).ok().data()).as("the lead after the calls").isEqualTo(hidden);
        assertThat(call.apply(this, supervisor, Map.of("number", hidden.path("number").asText())).code())
                .as("the same call in Admin Unit").isEqualTo("OK");
    }

    @Test
    void aClosedLeadBeyondTheUnitsAccessIsNotFoundRatherThanClosed() {
        JsonNode hidden = leadAt("Private");
        JsonNode won = applied(update(hidden, "status_identifier", Map.of("name", "Won")));

        post("/leads/update", updateBody(salesUnit, Map.of("number", won.path("number").asText()))
                .put("description", "x")).fails("NOT_FOUND", 404);
        post("/leads/update", updateBody(supervisor, Map.of("number", won.path("number").asText()))
                .put("description", "x")).fails("LEAD_CLOSED", 409);
    }

    @Test
    void theListAndItsTotalLeaveOutWhatTheUnitMayNotSee() {
        JsonNode open = leadAt(null);
        JsonNode publicLead = leadAt("Public");
        JsonNode group = leadAt("Group");
        JsonNode privateLead = leadAt("Private");

        assertThat(listed(salesUnit)).containsExactly(open.path("id").asText(), publicLead.path("id").asText());
        assertThat(listed(supervisor)).containsExactly(open.path("id").asText(), publicLead.path("id").asText(),
                group.path("id").asText(), privateLead.path("id").asText());
        assertThat(listed(admin)).hasSize(4);
    }

    /** The ids of this test's leads that {@code token} lists, checked against the list's total. */
    private List<String> listed(String token) {
        Answer page = get("/leads/list", Map.of("token", token, "search_value", tag, "records_per_page", "50")).ok();
        List<String> ids = new ArrayList<>();
        page.data().forEach(lead -> ids.add(lead.path("id").asText()));
        assertThat(page.body().path("paging").path("total").asLong()).as("paging.total").isEqualTo(ids.size());
        return ids;
    }

    @Test
    void theStatusTotalsLeaveOutTheStaysOfLeadsTheUnitMayNotSee() throws InterruptedException {
        counted(leadAt("Group"));
        long salesBefore = newStays(salesUnit);
        long adminBefore = newStays(admin);

        counted(leadAt("Group"));
        counted(leadAt("Public"));

        assertThat(newStays(admin)).as("the administrator's stays in New").isEqualTo(adminBefore + 2);
        assertThat(newStays(salesUnit)).as("Sales Unit's stays in New").isEqualTo(salesBefore + 1);
    }

    /** Waits until the status durations count the lead's stay in New. */
    private void counted(JsonNode lead) throws InterruptedException {
        eventually(() -> get("/leads/status_durations", query(admin, Map.of("id", lead.path("id").asText())))
                .ok().data().path("statuses").findValuesAsText("status_name"), names -> names.contains("New"));
    }

    private long newStays(String token) {
        for (JsonNode status : get("/leads/status_durations", Map.of("token", token)).ok().data().path("statuses")) {
            if (status.path("status_name").asText().equals("New")) {
                return status.path("stays").asLong();
            }
        }
        return 0;
    }

    static Stream<Arguments> levelsBeyondSalesUnit() {
        return Stream.of(arguments("Group"), arguments("Private"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("levelsBeyondSalesUnit")
    void nobodyGivesALeadAPrivacyLevelBeyondTheirOwnAccess(String level) {
        ObjectNode create = createRequest(salesUnit).put("contact_email", tag + "@example.com");
        create.set("privacy_level_identifier", json.valueToTree(Map.of("name", level)));
        Answer refusedCreate = post("/leads/create", create).fails("INVALID_PARAMETER", 400);
        assertThat(refusedCreate.description()).contains("privacy_level_identifier");
        assertThat(listed(admin)).as("leads made").isEmpty();

        JsonNode publicLead = createLead(salesUnit, Map.of("contact_email", tag + "@example.com",
                "privacy_level_identifier", Map.of("name", "Public")));
        ObjectNode update = updateBy(salesUnit, publicLead, "privacy_level_identifier", Map.of("name", level));
        assertThat(refused(publicLead, update, "INVALID_PARAMETER", 400, null).description())
                .contains("privacy_level_identifier");

        JsonNode closedToSales = applied(updateBy(supervisor, publicLead, "privacy_level_identifier",
                Map.of("name", level)));
        assertThat(closedToSales.path("privacy_level").path("name").asText()).isEqualTo(level);
    }

    private Map<String, String> query(String token, Map<String, String> lead, String... more) {
        Map<String, String> query = new HashMap<>(Map.of("token", token, "lead_identifier",
                lead.keySet().iterator().next() + "=" + lead.values().iterator().next()));
        for (int i = 0; i < more.length; i += 2) {
            query.put(more[i], more[i + 1]);
        }
        return query;
    }

    private ObjectNode updateBody(String token, Map<String, String> lead) {
        ObjectNode request = body(token);
        request.set("lead_identifier", json.valueToTree(lead));
        return request;
    }
}
