package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code leads/revert} over HTTP (LEADS-API.md, section 10): fields, sets and a PENDING status back to as they stood
 * after an event, as new events that the history marks with {@code reverted_to}; a dry run shows the outcome and
 * stores nothing; every refusal changes nothing.
 */
class LeadRevertApiTest extends ApiTest {

    @Test
    void aDryRunShowsTheRevertedLeadAtItsVersionThenTheRevertStoresItAndTheHistoryMarksIt() {
        JsonNode lead = newLead(Map.of("description", "first words"));
        long before = version(lead);
        applied(update(lead, "description", "second thoughts", "status_identifier", Map.of("name", "Qualified"),
                "competitors_set", List.of(Map.of("action", "add", "competitor_identifier",
                        Map.of("name", "MagnaQuest")))));
        JsonNode changed = applied(update(lead, "contact_email", "later@example.com"));

        JsonNode dryRun = revert(lead, before, Map.of("dry_run", true)).ok().data();
        assertThat(dryRun.path("version").asLong()).isEqualTo(version(changed));
        assertThat(dryRun.path("description").asText()).isEqualTo("first words");
        assertThat(dryRun.path("contact_email").isNull()).isTrue();
        assertThat(dryRun.path("status").path("name").asText()).isEqualTo("New");
        assertThat(dryRun.path("competitors_set")).isEmpty();
        assertSameLead(show(lead).ok().data(), changed);
        String feedBefore = get("/leads/changes", Map.of("token", admin)).ok().body().path("next_position").asText();

        JsonNode reverted = revert(lead, before, Map.of()).ok().data();

        assertThat(reverted.path("description").asText()).isEqualTo("first words");
        assertThat(reverted.path("contact_email").isNull()).isTrue();
        assertThat(reverted.path("status").path("name").asText()).isEqualTo("New");
        assertThat(reverted.path("competitors_set")).isEmpty();
        assertThat(version(reverted)).isEqualTo(version(changed) + 4);
        List<JsonNode> entries = entries(lead);
        assertThat(entriesAfter(lead, version(changed))).extracting(entry -> entry.path("reverted_to").asLong())
                .hasSize(4).containsOnly(before);
        assertThat(entries.subList(0, entries.size() - 4)).allSatisfy(entry ->
                assertThat(entry.path("reverted_to").isNull()).as("%s", entry).isTrue());
        assertThat(get("/leads/changes", Map.of("token", admin, "after", feedBefore, "lead_identifier",
                "number=" + lead.path("number").asText())).ok().data())
                .extracting(change -> change.path("reverted_to").asLong()).containsExactly(before, before, before,
                        before);
    }

    @Test
    void aLeadAlreadyAsItWasGetsNoEvent() {
        JsonNode lead = newLead();
        applied(update(lead, "description", "for a moment"));
        JsonNode back = applied(update(lead, "description", null));

        JsonNode reverted = revert(lead, version(lead), Map.of()).ok().data();

        assertThat(version(reverted)).isEqualTo(version(back));
    }

    @Test
    void badInputAndBrokenRulesAreRefusedAndChangeNothing() {
        JsonNode lead = applied(update(newLead(), "description", "kept"));

        assertThat(revert(lead, version(lead) + 1, Map.of()).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("to_version");
        assertThat(revert(lead, -1, Map.of()).fails("INVALID_PARAMETER", 400).description()).isEqualTo("to_version");
        assertThat(revert(lead, 0, Map.of("expected_version", version(lead) - 1))
                .fails("VERSION_CONFLICT", 409).description()).isEqualTo("expected_version");
        assertThat(revert(lead, 0, Map.of("dry_run", "yes")).fails("INVALID_PARAMETER", 400).description())
                .contains("dry_run");
        assertThat(revert(lead, 0, Map.of("colour", "blue")).fails("INVALID_PARAMETER", 400).description())
                .contains("colour");
        ObjectNode noVersion = body(admin);
        noVersion.set("lead_identifier", json.createObjectNode().put("number", lead.path("number").asText()));
        assertThat(post("/leads/revert", noVersion).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("to_version");
        assertSameLead(show(lead).ok().data(), lead);

        JsonNode won = applied(update(lead, "status_identifier", Map.of("name", "Won")));
        revert(won, 0, Map.of()).fails("LEAD_CLOSED", 409);
        assertSameLead(show(won).ok().data(), won);
    }

    @Test
    void aRevertToAVersionWhenTheLeadWasClosedIsRefused() {
        JsonNode won = applied(update(newLead(), "status_identifier", Map.of("name", "Won")));
        ObjectNode reopen = body(admin);
        reopen.set("lead_identifier", json.createObjectNode().put("number", won.path("number").asText()));
        reopen.set("status_identifier", json.createObjectNode().put("name", "New"));
        JsonNode reopened = post("/leads/reopen", reopen.put("reason", "came back")).ok().data();

        assertThat(revert(reopened, version(won), Map.of()).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("to_version");
    }

    private Answer revert(JsonNode lead, long toVersion, Map<String, Object> extra) {
        ObjectNode request = body(admin);
        request.set("lead_identifier", json.createObjectNode().put("number", lead.path("number").asText()));
        request.put("to_version", toVersion);
        request.setAll((ObjectNode) json.valueToTree(extra));
        return post("/leads/revert", request);
    }
}
