package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code leads/reopen} over HTTP (LEADS-API.md, section 10): a won or lost lead goes back to a status classified
 * PENDING as one event, by an administrator or the lead's owner, for a reason; it takes updates again, and every
 * refusal changes nothing.
 */
class LeadReopenApiTest extends ApiTest {

    @Test
    void anAdministratorReopensAWonLeadWhichTakesUpdatesAgainAndWhoseHistorySaysWhy() {
        JsonNode won = won(newLead());
        assertThat(won.path("actual_completion_date").isNull()).isFalse();

        JsonNode reopened = reopen(admin, won, "Qualified", "the customer came back").ok().data();

        assertThat(reopened.path("status").path("name").asText()).isEqualTo("Qualified");
        assertThat(reopened.path("life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(reopened.path("actual_completion_date").isNull()).isTrue();
        assertThat(version(reopened)).isEqualTo(version(won) + 1);
        applied(update(reopened, "description", "back in play"));
        List<JsonNode> entries = entriesAfter(reopened, version(won));
        assertThat(entries).extracting(entry -> entry.path("event").asText() + " " + entry.path("field").asText())
                .containsExactly("LEAD_REOPENED status", "LEAD_REOPENED reason", "FIELD_CHANGED description");
        assertThat(entries.get(0).path("old_value").path("name").asText()).isEqualTo("Won");
        assertThat(entries.get(1).path("new_value").asText()).isEqualTo("the customer came back");
    }

    @Test
    void theLeadsOwnerReopensItAndAnyoneElseWhoIsNoAdministratorIsForbidden() {
        JsonNode owned = won(applied(update(newLead(), "lead_owner", Map.of("username", "supervisor"))));
        JsonNode notOwned = won(newLead());

        reopen(supervisor, owned, "New", "a better offer").ok();
        Answer refused = reopen(supervisor, notOwned, "New", "not mine").fails("FORBIDDEN", 403);

        assertThat(refused.message()).contains("owner");
        assertSameLead(show(notOwned).ok().data(), notOwned);
    }

    @Test
    void aLeadThatIsNotClosedHasNothingToReopen() {
        JsonNode open = newLead();

        Answer refused = reopen(admin, open, "Qualified", "why").fails("INVALID_PARAMETER", 400);

        assertThat(refused.description()).isEqualTo("lead_identifier");
        assertSameLead(show(open).ok().data(), open);
    }

    @Test
    void badInputIsRefusedNamingTheParameterAndChangesNothing() {
        JsonNode won = won(newLead());

        assertThat(reopen(admin, won, "Lost", "to a closed status").fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("status_identifier");
        assertThat(reopen(admin, won, "New", "x".repeat(256)).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("reason");
        assertThat(reopen(admin, won, "New", "").fails("INVALID_PARAMETER", 400).description()).isEqualTo("reason");
        ObjectNode noReason = body(admin);
        noReason.set("lead_identifier", json.createObjectNode().put("number", won.path("number").asText()));
        noReason.set("status_identifier", json.createObjectNode().put("name", "New"));
        assertThat(post("/leads/reopen", noReason).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("reason");
        assertThat(post("/leads/reopen", noReason.deepCopy().put("reason", "why").put("colour", "blue"))
                .fails("INVALID_PARAMETER", 400).description()).contains("colour");
        assertThat(reopen(admin, won, "No Such Status", "why").code()).isEqualTo("NOT_FOUND");
        reopen("0123456789ABCDEF0123456789ABCDEF", won, "New", "why").fails("INVALID_TOKEN", 401);
        assertSameLead(show(won).ok().data(), won);
    }

    private JsonNode won(JsonNode lead) {
        return applied(update(lead, "status_identifier", Map.of("name", "Won")));
    }

    private Answer reopen(String token, JsonNode lead, String status, String reason) {
        ObjectNode request = body(token);
        request.set("lead_identifier", json.createObjectNode().put("number", lead.path("number").asText()));
        request.set("status_identifier", json.createObjectNode().put("name", status));
        request.put("reason", reason);
        return post("/leads/reopen", request);
    }
}
