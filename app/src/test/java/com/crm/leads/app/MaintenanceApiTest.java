package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' methods: a rebuild of the read models from the event store gives back exactly the answers
 * the service gave before, and events a projection could not take wait as dead letters until they are retried.
 */
class MaintenanceApiTest extends ApiTest {

    private static final int LEADS = 200;

    @Autowired
    JdbcTemplate jdbc;

    /**
     * A few hundred leads with histories of their own: fields, sets, status moves, some closed, some of those
     * reopened, some reverted.
     */
    private List<JsonNode> leadsWithMixedHistories(String token) {
        List<JsonNode> leads = new ArrayList<>();
        for (int index = 0; index < LEADS; index++) {
            JsonNode lead = createLead(token, Map.of("description", "lead " + index, "udf_float_2", index / 4.0));
            ObjectNode update = updateOf(token, lead).put("udf_string_" + (1 + index % 8), "value " + index);
            if (index % 3 == 0) {
                update.set("competitors_set", json.createArrayNode().add(json.createObjectNode().put("action", "add")
                        .set("competitor_identifier", json.createObjectNode().put("name", "MagnaQuest"))));
            }
            if (index % 5 == 0) {
                update.set("status_identifier", json.createObjectNode().put("name", "Qualified"));
            }
            post("/leads/update", update).ok();
            if (index % 7 == 0) {
                post("/leads/update", updateOf(token, lead)
                        .<ObjectNode>set("status_identifier", json.createObjectNode().put("name", "Lost"))
                        .set("lost_reason_identifier", json.createObjectNode().put("name", "Price"))).ok();
                if (index % 14 == 0) {
                    post("/leads/reopen", updateOf(token, lead).put("reason", "back in play")
                            .set("status_identifier", json.createObjectNode().put("name", "New"))).ok();
                }
            } else if (index % 11 == 1) {
                post("/leads/revert", updateOf(token, lead).put("to_version", lead.path("version").asLong())).ok();
            }
            leads.add(lead);
        }
        return leads;
    }

    /** Every answer a client can get about the leads, as the raw bodies the service sends. */
    private Map<String, String> answers(String token, List<JsonNode> leads) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (int page = 1; page <= 3; page++) {
            answers.put("list " + page, get("/leads/list", Map.of("token", token, "page", String.valueOf(page),
                    "records_per_page", "1000")).response().body());
        }
        answers.put("list of Qualified", get("/leads/list", Map.of("token", token,
                "status_identifier", "name=Qualified", "records_per_page", "1000")).response().body());
        for (JsonNode lead : leads) {
            String number = "number=" + lead.path("number").asText();
            answers.put("show " + number, get("/leads/show", Map.of("token", token, "lead_identifier", number))
                    .response().body());
            answers.put("history " + number, get("/leads/history", Map.of("token", token, "lead_identifier",
                    number)).response().body());
        }
        return answers;
    }

    @Test
    void aRebuildFromTheEventsGivesBackEveryAnswerByteForByte() throws InterruptedException {
        String token = token();
        List<JsonNode> leads = leadsWithMixedHistories(token);
        Map<String, String> before = answers(token, leads);
        String durationsBefore = eventually(() -> get("/leads/status_durations", Map.of("token", token)).response()
                .body(), body -> body.contains("\"complete\":true"));

        // the read model loses some leads and garbles others; the events are untouched
        jdbc.update("DELETE FROM lead_view WHERE MOD(number_order, 3) = 0");
        jdbc.update("UPDATE lead_view SET version = version + 100, status_id = 'garbled' WHERE MOD(number_order, 3) = 1");
        assertThat(answers(token, leads)).isNotEqualTo(before);

        JsonNode report = post("/admin/rebuild", body(token)).ok().data();

        assertThat(report.path("leads").asInt()).isGreaterThanOrEqualTo(LEADS);
        assertThat(answers(token, leads)).isEqualTo(before);
        assertThat(eventually(() -> get("/leads/status_durations", Map.of("token", token)).response().body(),
                body -> body.contains("\"complete\":true") && durationsOf(body).equals(durationsOf(durationsBefore))))
                .isNotNull();
    }

    @Test
    void anEventAProjectionCannotTakeWaitsAsADeadLetterUntilItIsRetried() throws InterruptedException {
        String token = token();
        JsonNode lead = createLead(token, Map.of());
        String durationsOfLead = "number=" + lead.path("number").asText();
        eventually(() -> get("/leads/status_durations", Map.of("token", token, "lead_identifier", durationsOfLead))
                .response().body(), body -> body.contains("\"stays\":1"));

        jdbc.execute("ALTER TABLE lead_status_period RENAME TO lead_status_period_away");
        try {
            post("/leads/update", updateOf(token, lead).set("status_identifier",
                    json.createObjectNode().put("name", "Qualified"))).ok();
            String letters = eventually(() -> get("/admin/dead_letters", Map.of("token", token)).response().body(),
                    body -> body.contains("StatusChanged"));
            assertThat(letters).contains("status-durations");
        } finally {
            jdbc.execute("ALTER TABLE lead_status_period_away RENAME TO lead_status_period");
        }

        JsonNode retried = post("/admin/dead_letters/retry", body(token)).ok().data();

        assertThat(retried.path("retried").asInt()).isPositive();
        assertThat(retried.path("still_dead").asLong()).isZero();
        assertThat(get("/leads/status_durations", Map.of("token", token, "lead_identifier", durationsOfLead)).ok()
                .data().path("statuses").findValuesAsText("status_name")).containsExactlyInAnyOrder("New", "Qualified");
        assertThat(get("/admin/dead_letters", Map.of("token", token)).ok().data()).isEmpty();
    }

    @Test
    void onlyAnAdministratorMayRebuildOrSeeDeadLetters() {
        String supervisor = token("supervisor");

        assertThat(post("/admin/rebuild", body(supervisor)).fails("FORBIDDEN", 403).description())
                .isEqualTo("token");
        get("/admin/dead_letters", Map.of("token", supervisor)).fails("FORBIDDEN", 403);
        post("/admin/dead_letters/retry", body("no such token")).fails("INVALID_TOKEN", 401);
    }

    private static String durationsOf(String body) {
        // the seconds keep counting for stays still going; which stays there are must not change
        return body.replaceAll("\"seconds\":\\d+", "");
    }
}
