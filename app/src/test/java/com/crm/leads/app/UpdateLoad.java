package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.awaitility.Awaitility;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that update leads as fast as the service answers, and a ledger of every update it answered OK. Each call
 * sets two fields to its own request id and now and then moves the lead between two pending statuses, so the
 * ledger can later be checked against the lead's history: every acknowledged call is there, whole, at the version
 * it was answered with.
 */
final class UpdateLoad implements AutoCloseable {

    /**
     * An update the service answered OK: the lead, the call's request id, and the version and description of the lead
     * it answered (the lead after the call, which may carry a later call's change too).
     */
    record Acknowledged(String leadNumber, String requestId, long version, String description) {
    }

    /** An answer that was not OK: when it came, how long it took, and what it said. */
    record Refused(Instant at, Duration took, int status, String code, String retryAfter) {
    }

    private static final List<String> PENDING_STATUSES = List.of("New", "Qualified");

    private final ServiceClient client;
    private final String token;
    private final List<String> leadNumbers;
    private final String round;
    private final ExecutorService clients;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Refused> refused = new ConcurrentLinkedQueue<>();
    private final AtomicInteger unanswered = new AtomicInteger();

    /** Starts {@code clients} clients updating {@code leadNumbers}; {@code round} makes their request ids unique. */
    UpdateLoad(ServiceClient client, String token, List<String> leadNumbers, int clients, String round) {
        this.client = client;
        this.token = token;
        this.leadNumbers = leadNumbers;
        this.round = round;
        this.clients = Executors.newFixedThreadPool(clients);
        for (int id = 0; id < clients; id++) {
            int clientId = id;
            this.clients.execute(() -> updateUntilStopped(clientId));
        }
    }

    private void updateUntilStopped(int clientId) {
        for (int call = 0; running.get(); call++) {
            String number = leadNumbers.get((clientId + call) % leadNumbers.size());
            String requestId = "load-" + round + "-" + clientId + "-" + call;
            ObjectNode body = client.body(token).put("request_id", requestId)
                    .put("description", requestId).put("udf_string_1", requestId);
            body.set("lead_identifier", client.mapper().createObjectNode().put("number", number));
            if (call % 5 == 0) {
                body.set("status_identifier", client.mapper().createObjectNode()
                        .put("name", PENDING_STATUSES.get(call / 5 % 2)));
            }
            Instant sent = Instant.now();
            try {
                ServiceClient.Answer answer = client.post("/leads/update", body);
                if (answer.status() == 200 && answer.code().equals("OK")) {
                    acknowledged.add(new Acknowledged(number, requestId, answer.data().path("version").asLong(),
                            answer.data().path("description").asText()));
                } else {
                    refused.add(new Refused(sent, Duration.between(sent, Instant.now()), answer.status(),
                            answer.code(), answer.response().headers().firstValue("Retry-After").orElse(null)));
                }
            } catch (UncheckedIOException connectionLost) {
                // killed or unreachable mid-call: the call may or may not have been stored, and either is right
                unanswered.incrementAndGet();
                ServiceProcess.pause(Duration.ofMillis(50));
            }
        }
    }

    /** Stops the clients after their calls in flight; a killed service ends those at once. */
    @Override
    public void close() {
        running.set(false);
        clients.shutdown();
        try {
            assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).as("clients stopped").isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the service has acknowledged {@code count} updates of this load, at most {@code limit}. */
    void awaitAcknowledged(int count, Duration limit) {
        Awaitility.await(count + " updates acknowledged").atMost(limit).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.size() >= count);
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    List<Refused> refused() {
        return List.copyOf(refused);
    }

    int unanswered() {
        return unanswered.get();
    }

    /**
     * Checks the ledger against what the service now shows, through {@code reader}: every acknowledged call is in its
     * lead's history, at or before the version it was answered with, and that version still names what the answer
     * showed; every call the history holds is whole (both of its fields, with its own value); no version holds two
     * calls; and the read model's lead equals the fold of its events.
     */
    static void assertLedgerKept(ServiceClient reader, String token, List<String> leadNumbers,
                                 List<Acknowledged> ledger) {
        Map<String, LeadHistory> histories = new HashMap<>();
        for (String number : leadNumbers) {
            LeadHistory history = LeadHistory.of(reader, token, number);
            histories.put(number, history);
            JsonNode lead = reader.get("/leads/show", Map.of("token", token, "lead_identifier", "number=" + number))
                    .ok().data();
            long version = lead.path("version").asLong();
            JsonNode folded = reader.get("/leads/show", Map.of("token", token, "lead_identifier", "number=" + number,
                    "as_of_version", Long.toString(version))).ok().data();
            assertThat(folded).as("lead %s in the read model and folded from its events", number).isEqualTo(lead);
            assertThat(version).as("version of lead %s", number).isEqualTo(history.lastSequenceNumber());
        }
        for (Acknowledged ack : ledger) {
            LeadHistory history = histories.get(ack.leadNumber());
            CallInHistory call = history.calls().get(ack.requestId());
            assertThat(call).as("acknowledged %s in the history of lead %s", ack, ack.leadNumber()).isNotNull();
            assertThat(call.lastSequenceNumber()).as("events of %s", ack).isLessThanOrEqualTo(ack.version());
            assertThat(history.descriptionAt(ack.version())).as("description at the version answered to %s", ack)
                    .isEqualTo(ack.description());
        }
    }

    /** What one call left in a lead's history: its fields with their new values, and its events' sequence numbers. */
    record CallInHistory(Map<String, String> fields, Set<Long> sequenceNumbers) {

        long lastSequenceNumber() {
            return sequenceNumbers.stream().mapToLong(Long::longValue).max().orElseThrow();
        }
    }

    /**
     * A lead's history as the load reads it: its calls, the description each version left, its last version, and how
     * many times it took a status (its creation and each move).
     */
    record LeadHistory(Map<String, CallInHistory> calls, TreeMap<Long, String> descriptions, long lastSequenceNumber,
                       long statusesTaken) {

        String descriptionAt(long version) {
            Map.Entry<Long, String> inForce = descriptions.floorEntry(version);
            return inForce == null ? null : inForce.getValue();
        }

        static LeadHistory of(ServiceClient reader, String token, String number) {
            Map<String, CallInHistory> calls = new HashMap<>();
            TreeMap<Long, String> descriptions = new TreeMap<>();
            Map<Long, String> callOfSequenceNumber = new HashMap<>();
            long statusesTaken = 0;
            int pageSize = 1000;
            for (int page = 1; ; page++) {
                JsonNode entries = reader.get("/leads/history", Map.of("token", token,
                        "lead_identifier", "number=" + number, "page", Integer.toString(page),
                        "records_per_page", Integer.toString(pageSize))).ok().data();
                for (JsonNode entry : entries) {
                    String requestId = entry.path("request_id").asText();
                    long sequenceNumber = entry.path("sequence_number").asLong();
                    String earlier = callOfSequenceNumber.putIfAbsent(sequenceNumber, requestId);
                    assertThat(earlier == null || earlier.equals(requestId))
                            .as("lead %s version %d holds calls %s and %s", number, sequenceNumber, earlier, requestId)
                            .isTrue();
                    if (entry.path("field").asText().equals("description")) {
                        descriptions.put(sequenceNumber, entry.path("new_value").asText());
                    }
                    if (entry.path("field").asText().equals("status")) {
                        statusesTaken++;
                    }
                    if (requestId.startsWith("load-")) {
                        CallInHistory call = calls.computeIfAbsent(requestId,
                                id -> new CallInHistory(new HashMap<>(), new HashSet<>()));
                        call.fields().put(entry.path("field").asText(), entry.path("new_value").asText());
                        call.sequenceNumbers().add(sequenceNumber);
                    }
                }
                if (entries.size() < pageSize) {
                    break;
                }
            }
            calls.forEach((requestId, call) -> assertThat(call.fields())
                    .as("call %s on lead %s stored whole", requestId, number)
                    .containsEntry("description", requestId)
                    .containsEntry("udf_string_1", requestId));
            return new LeadHistory(calls, descriptions,
                    callOfSequenceNumber.keySet().stream().mapToLong(Long::longValue).max().orElse(0), statusesTaken);
        }
    }

    /** Creates {@code count} leads to load, and answers their numbers. */
    static List<String> createLeads(ServiceClient client, String token, int count) {
        List<String> numbers = new ArrayList<>();
        for (int lead = 0; lead < count; lead++) {
            numbers.add(client.createLead(token, Map.of("description", "under load")).path("number").asText());
        }
        return numbers;
    }
}
