package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leads the command side keeps in memory between calls (on by default, as on H2 here): a call that fails after
 * the lead took its changes leaves nothing of them in the kept lead, so the next call sees the lead as stored.
 */
class KeptLeadsApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aCallThatFailsAtCommitLeavesNothingInTheKeptLead() {
        String token = token();
        JsonNode lead = createLead(token, Map.of("description", "healthy"));
        post("/leads/update", updateOf(token, lead).put("description", "kept")).ok();
        JsonNode kept = show(token, lead).ok().data();

        // the read model refuses this one description, so its call fails once the lead has taken the change
        jdbc.execute("ALTER TABLE lead_view ADD CONSTRAINT refuses_poison CHECK (state NOT LIKE '%poison%')");
        try {
            post("/leads/update", updateOf(token, lead).put("description", "poison")).fails("INTERNAL_ERROR", 500);
        } finally {
            jdbc.execute("ALTER TABLE lead_view DROP CONSTRAINT refuses_poison");
        }

        JsonNode cured = post("/leads/update", updateOf(token, lead).put("description", "cured")
                .put("expected_version", version(kept))).ok().data();
        assertThat(cured.path("description").asText()).isEqualTo("cured");
        assertThat(version(cured)).isEqualTo(version(kept) + 1);
    }
}
