package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code leads/changes} as a page (LEADS-API.md, section 10): every change after a position the client keeps, in
 * the vocabulary of {@code leads/history}, with the position to read on from, and nothing a token may not see.
 */
class ChangeFeedApiTest extends ApiTest {

    @Autowired
    DataSource database;

    @Test
    void aPageFromAPositionHoldsEveryChangeMadeSinceInTheOrderMade() {
        String before = now();
        JsonNode lead = newLead(Map.of("contact_email", "feed@example.com"));
        applied(update(lead, "contact_email", "changed@example.com"));

        JsonNode page = changes(Map.of("after", before)).ok().body();
        List<JsonNode> ofLead = ofLead(page.path("data"), lead);

        assertThat(ofLead).extracting(change -> change.path("sequence_number").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L);
        JsonNode created = ofLead.get(0);
        assertThat(created.path("event").asText()).isEqualTo("LEAD_CREATED");
        assertThat(created.path("field").isNull()).as("a creation changes several things: %s", created).isTrue();
        assertThat(created.path("new_value").path("number").asText()).isEqualTo(lead.path("number").asText());
        assertThat(created.path("new_value").path("status").path("name").asText()).isEqualTo("New");
        assertThat(created.path("lead").path("id").asText()).isEqualTo(lead.path("id").asText());
        assertThat(created.path("performed_by_user").path("username").asText()).isEqualTo("MPAdministrator");
        assertThat(created.path("performed_date").asText()).matches(DATE_FORMAT);
        JsonNode changed = ofLead.get(4);
        assertThat(changed.path("event").asText()).isEqualTo("FIELD_CHANGED");
        assertThat(changed.path("field").asText()).isEqualTo("contact_email");
        assertThat(changed.path("old_value").asText()).isEqualTo("feed@example.com");
        assertThat(changed.path("new_value").asText()).isEqualTo("changed@example.com");
        assertThat(changed.path("request_id").asText()).isNotEmpty();
        assertThat(ofLead).extracting(change -> change.path("event_id").asText()).doesNotHaveDuplicates();
        List<JsonNode> all = list(page.path("data"));
        assertThat(page.path("next_position").asText()).isEqualTo(all.get(all.size() - 1).path("position").asText());
    }

    @Test
    void pagesReadOnFromTheirNextPositionMissNothingRepeatNothingAndNeverSplitACall() {
        String before = now();
        JsonNode lead = newLead();
        for (int call = 1; call <= 3; call++) {
            applied(update(lead, "description", "call " + call, "contact_email", "call" + call + "@example.com"));
        }

        List<JsonNode> read = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String position = before;
        for (int page = 0; page < 20; page++) {
            JsonNode answer = changes(Map.of("after", position, "limit", "2",
                    "lead_identifier", "number=" + lead.path("number").asText())).ok().body();
            List<JsonNode> changes = list(answer.path("data"));
            position = answer.path("next_position").asText();
            if (changes.isEmpty()) {
                break;
            }
            sizes.add(changes.size());
            read.addAll(changes);
        }

        assertThat(read).extracting(change -> change.path("sequence_number").asLong())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(sizes).as("the creation's three events come together, then each update's two")
                .containsExactly(3, 2, 2, 2);
    }

    @Test
    void filtersNameTheLeadTheEventsAndTheFields() {
        String before = now();
        JsonNode lead = newLead();
        JsonNode other = newLead();
        applied(update(lead, "description", "kept", "contact_email", "filtered@example.com"));
        applied(update(other, "description", "not this lead"));

        List<JsonNode> described = list(changes(Map.of("after", before, "field", "description")).ok().data());
        List<JsonNode> created = list(changes(Map.of("after", before, "event", "LEAD_CREATED,STATUS_CHANGED"))
                .ok().data());
        List<JsonNode> ofLead = list(changes(Map.of("after", before, "lead_identifier",
                "id=" + lead.path("id").asText(), "event", "FIELD_CHANGED")).ok().data());

        assertThat(described).extracting(change -> change.path("new_value").asText())
                .containsExactly("kept", "not this lead");
        assertThat(created).extracting(change -> change.path("lead").path("number").asText())
                .containsExactly(lead.path("number").asText(), other.path("number").asText());
        assertThat(ofLead).extracting(change -> change.path("field").asText())
                .containsExactly("importance", "priority", "contact_email", "description");
    }

    @Test
    void earliestReadsFromTheFirstEventOfTheStore() {
        JsonNode first = changes(Map.of("after", "earliest", "limit", "1")).ok().data().get(0);

        assertThat(first.path("event").asText()).isEqualTo("LEAD_CREATED");
        assertThat(first.path("sequence_number").asLong()).isZero();
    }

    @Test
    void aLeadNotOpenToTheTokenIsLeftOutAndCannotBeNamed() {
        String salesUnit = post("/authentication/token", Map.of("username", "supervisor", "password", password(),
                "organisation", "CRM", "unit", Map.of("name", "Sales Unit"))).ok().data().path("token").asText();
        String before = now();
        JsonNode hidden = newLead(Map.of("privacy_level_identifier", Map.of("name", "Private")));
        JsonNode open = newLead();

        List<JsonNode> seen = list(changes(salesUnit, Map.of("after", before, "event", "LEAD_CREATED")).ok().data());
        List<JsonNode> seenByAdministrator = list(changes(Map.of("after", before, "event", "LEAD_CREATED")).ok()
                .data());

        assertThat(seen).extracting(change -> change.path("lead").path("id").asText())
                .containsExactly(open.path("id").asText());
        assertThat(seenByAdministrator).extracting(change -> change.path("lead").path("id").asText())
                .containsExactly(hidden.path("id").asText(), open.path("id").asText());
        changes(salesUnit, Map.of("lead_identifier", "number=" + hidden.path("number").asText()))
                .fails("NOT_FOUND", 404);
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        Map<String, String> refused = Map.of(
                "after", "not a position",
                "limit", "1001",
                "event", "FIELD_CHANGED,NO_SUCH_EVENT",
                "field", "no_such_field",
                "colour", "blue");
        refused.forEach((parameter, value) -> {
            Answer answer = changes(Map.of(parameter, value)).fails("INVALID_PARAMETER", 400);
            assertThat(answer.description()).as("%s=%s", parameter, value).contains(parameter);
        });
        changes(Map.of("after", "MTI~")).fails("INVALID_PARAMETER", 400);
        changes(Map.of("limit", "0")).fails("INVALID_PARAMETER", 400);
        changes(Map.of("lead_identifier", "number=987654321")).fails("NOT_FOUND", 404);
        get("/leads/changes", Map.of()).fails("INVALID_TOKEN", 401);
    }

    /**
     * A transaction that took an earlier global index commits after one that took a later index: a reader that
     * read past the later event still gets the earlier one from the position it was given. The earlier call is held
     * up by a lock on its lead's read-model row, which its projection writes after the event has its index.
     */
    @Test
    void anEventCommittedAfterALaterOneIsStillDelivered() throws Exception {
        JsonNode slow = newLead();
        JsonNode fast = newLead();
        String before = now();
        CompletableFuture<JsonNode> slowUpdate;
        JsonNode first;
        try (Connection lock = database.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement rowLock = lock.prepareStatement(
                    "SELECT version FROM lead_view WHERE lead_id = ? FOR UPDATE")) {
                rowLock.setString(1, slow.path("id").asText());
                rowLock.executeQuery().close();
            }
            slowUpdate = CompletableFuture.supplyAsync(() -> applied(update(slow, "description", "committed late")));
            Thread.sleep(1_000);
            applied(update(fast, "description", "committed first"));

            first = changes(Map.of("after", before, "field", "description")).ok().body();
            lock.rollback();
        }
        slowUpdate.get(20, TimeUnit.SECONDS);
        List<JsonNode> then = list(changes(Map.of("after", first.path("next_position").asText(),
                "field", "description")).ok().data());

        assertThat(globalIndexOfLatestEvent(slow)).as("the slow call took the earlier index")
                .isLessThan(globalIndexOfLatestEvent(fast));
        assertThat(list(first.path("data"))).extracting(change -> change.path("new_value").asText())
                .containsExactly("committed first");
        assertThat(then).extracting(change -> change.path("new_value").asText())
                .containsExactly("committed late");
    }

    private long globalIndexOfLatestEvent(JsonNode lead) throws Exception {
        try (Connection connection = database.getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT MAX(global_index) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
            query.setString(1, lead.path("id").asText());
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    private String now() {
        return changes(Map.of()).ok().body().path("next_position").asText();
    }

    private Answer changes(Map<String, String> parameters) {
        return changes(admin, parameters);
    }

    private Answer changes(String token, Map<String, String> parameters) {
        Map<String, String> withToken = new HashMap<>(parameters);
        withToken.put("token", token);
        return get("/leads/changes", withToken);
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<JsonNode> ofLead(JsonNode changes, JsonNode lead) {
        return list(changes).stream().filter(change -> change.path("lead").path("id").asText()
                .equals(lead.path("id").asText())).toList();
    }
}
