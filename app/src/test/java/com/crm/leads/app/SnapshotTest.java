package com.crm.leads.app;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.UpdateLeadCommand;
import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.List;
import java.util.Map;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lead with a long history is loaded from its latest snapshot and the events after it, and is the same lead as its
 * whole history makes. No lead is kept in memory here, so every command loads the lead from the store: from its
 * snapshot, once there is one.
 */
@TestPropertySource(properties = "leads.cached-leads=0")
class SnapshotTest extends ApiTest {

    private static final int EVENTS = 5_000;

    @Autowired
    CommandGateway commandGateway;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLeadWithFiveThousandEventsLoadsFromItsSnapshotAndIsTheSameLead() throws InterruptedException {
        String token = token();
        JsonNode lead = createLead(token, Map.of());
        LeadId leadId = new LeadId(lead.path("id").asText());
        long version = lead.path("version").asLong();
        MetaData actor = MetaData.from(Map.of(LeadMetadata.USER_ID, "1",
                LeadMetadata.UNIT_ID, "48305F8849E3C18B227C5BE3A27BA6DF", LeadMetadata.REQUEST_ID, "snapshots"));
        for (int call = 0; version < EVENTS; call++) {
            List<FieldUpdate> twoChanges = List.of(
                    FieldUpdate.set(LeadField.UDF_STRING_1, new FieldValue.Text("call " + call)),
                    FieldUpdate.set(LeadField.PRIORITY, new FieldValue.Whole(1 + call % 6)));
            version = commandGateway.<Long>sendAndWait(GenericCommandMessage.asCommandMessage(
                    new UpdateLeadCommand(leadId, twoChanges, List.of(), null, null, null, null,
                            EVERY_LEAD)).andMetaData(actor));
        }

        long snapshotAt = latestSnapshot(leadId);
        assertThat(snapshotAt).as("the sequence number of the lead's latest snapshot").isGreaterThan(EVENTS - 200L);

        JsonNode shown = show(token, lead).ok().data();
        JsonNode folded = get("/leads/show", Map.of("token", token, "lead_identifier", "id=" + leadId,
                "as_of_version", String.valueOf(version))).ok().data();
        assertThat(shown).isEqualTo(folded);
        assertThat(shown.path("version").asLong()).isEqualTo(version);

        // the importance was set by the creation, thousands of events before the snapshot, and never since: only a
        // lead restored whole from its snapshot knows that the same importance again changes nothing
        JsonNode unchanged = post("/leads/update", updateOf(token, lead).put("importance", "IMPORTANCE3")
                .put("expected_version", version)).ok().data();
        assertThat(unchanged.path("version").asLong()).isEqualTo(version);

        JsonNode updated = post("/leads/update", updateOf(token, lead).put("udf_string_1", "after the snapshot")
                .put("expected_version", version)).ok().data();
        assertThat(updated.path("version").asLong()).isEqualTo(version + 1);
        assertThat(updated.path("udf_string_1").asText()).isEqualTo("after the snapshot");
    }

    /** Waits, within a bound, for the snapshot taken off the request thread after the last command. */
    private long latestSnapshot(LeadId leadId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        Long latest = null;
        while (System.currentTimeMillis() < deadline) {
            latest = jdbc.queryForObject("SELECT MAX(sequence_number) FROM snapshot_event_entry"
                    + " WHERE aggregate_identifier = ?", Long.class, leadId.value());
            if (latest != null && latest > EVENTS - 200L) {
                return latest;
            }
            Thread.sleep(50);
        }
        return latest == null ? -1 : latest;
    }
}
