package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.crm.leads.api.query.LeadChangeStreams;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A change made on this instance reaches its open streams as soon as it is committed, not at the reader's next
 * poll: here the poll comes once an hour, and the change still arrives.
 */
@TestPropertySource(properties = "leads.change-feed.poll-interval=1h")
class ChangeStreamWakeApiTest extends ApiTest {

    @Autowired
    LeadChangeStreams streams;

    @Test
    void aChangeCommittedOnThisInstanceArrivesWithoutWaitingForThePoll() throws Exception {
        JsonNode lead = newLead();
        // the stream's first words (its heartbeat) come with the reader's first round: only the change can bring it
        CompletableFuture<EventStream> opening = CompletableFuture.supplyAsync(() -> {
            try {
                return changeStream(Map.of("lead_identifier", "number=" + lead.path("number").asText()), null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        eventually(streams::openStreams, open -> open == 1);

        applied(update(lead, "description", "committed here"));

        try (EventStream stream = opening.get(10, TimeUnit.SECONDS)) {
            EventStream.Event change = stream.next(event -> event.name().equals("message"), Duration.ofSeconds(10));
            assertThat(json.readTree(change.data()).path("new_value").asText()).isEqualTo("committed here");
        }
    }
}
