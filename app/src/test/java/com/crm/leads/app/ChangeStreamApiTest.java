package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code leads/changes} as a server-sent event stream (LEADS-API.md, section 10): changes arrive as they are made,
 * each with its position as its id, a client that reconnects with the last id misses nothing, and a quiet stream's
 * heartbeats carry its position on.
 */
class ChangeStreamApiTest extends ApiTest {

    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void aChangeArrivesOnAnOpenStreamAndAStreamResumedWithTheLastIdMissesNothing() throws Exception {
        JsonNode lead = newLead();
        String lastId;
        try (EventStream stream = changeStream(Map.of("lead_identifier", "number=" + lead.path("number").asText()), null)) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            stream.next(event -> event.name().equals("heartbeat"), SOON);

            applied(update(lead, "description", "while open"));

            EventStream.Event change = stream.next(event -> event.name().equals("message"), SOON);
            assertThat(data(change).path("new_value").asText()).isEqualTo("while open");
            assertThat(change.id()).isEqualTo(data(change).path("position").asText());
            lastId = change.id();
        }
        applied(update(lead, "description", "while away"));
        applied(update(lead, "contact_email", "away@example.com"));

        try (EventStream resumed = changeStream(Map.of("lead_identifier", "number=" + lead.path("number").asText()),
                lastId)) {
            EventStream.Event first = resumed.next(event -> event.name().equals("message"), SOON);
            EventStream.Event second = resumed.next(event -> event.name().equals("message"), SOON);

            assertThat(data(first).path("new_value").asText()).isEqualTo("while away");
            assertThat(data(second).path("new_value").asText()).isEqualTo("away@example.com");
        }
    }

    @Test
    void aQuietStreamSendsHeartbeatsThatCarryItsPositionOn() throws Exception {
        try (EventStream stream = changeStream(Map.of("event", "STATUS_CHANGED"), null)) {
            EventStream.Event first = stream.next(event -> event.name().equals("heartbeat"), SOON);
            JsonNode lead = newLead();
            applied(update(lead, "description", "not a status change"));

            EventStream.Event later = stream.next(event -> event.name().equals("heartbeat")
                    && !event.id().equals(first.id()), SOON);

            assertThat(data(later).path("position").asText()).isEqualTo(later.id());
            assertThat(stream.lines()).contains(":heartbeat");
            // the later heartbeat stands past the change the filter left out; the first one before it
            Map<String, String> ofLead = Map.of("token", admin, "lead_identifier",
                    "number=" + lead.path("number").asText(), "field", "description");
            assertThat(get("/leads/changes", with(ofLead, "after", first.id())).ok().data()).hasSize(1);
            assertThat(get("/leads/changes", with(ofLead, "after", later.id())).ok().data()).isEmpty();
        }
    }

    @Test
    void aStreamRefusesBadInputInTheEnvelopeBeforeItOpens() throws Exception {
        try (EventStream refused = changeStream(Map.of("after", "not a position"), null)) {
            assertThat(refused.status()).isEqualTo(400);
        }
        Answer answer = send(java.net.http.HttpRequest.newBuilder(uri("/leads/changes?token=" + admin
                + "&after=nope")).header("Accept", "text/event-stream"));
        assertThat(answer.code()).isEqualTo("INVALID_PARAMETER");
        assertThat(answer.description()).contains("after");
    }

    private static Map<String, String> with(Map<String, String> parameters, String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put(name, value);
        return all;
    }

    private JsonNode data(EventStream.Event event) throws Exception {
        return json.readTree(event.data());
    }
}
