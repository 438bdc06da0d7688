package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fifty clients updating one lead at the same moment through two instances of the service: fields of their own,
 * members to add to the sets, and one field they all fight over. Then every call must have been answered OK with
 * the lead as it left it, and every acknowledged change must be in the lead and in its history.
 */
final class LeadRace {

    static final int CLIENTS = 50;
    private static final int OWN_CHANGES = 23;

    private LeadRace() {
    }

    /** Runs the race on {@code lead}, the even clients through {@code first}, the odd through {@code second}. */
    static void run(ServiceClient first, ServiceClient second, String token, JsonNode lead) throws Exception {
        List<Function<ObjectNode, ObjectNode>> changes = changes(first.mapper());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<ServiceClient.Answer>> answers = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            ServiceClient instance = client % 2 == 0 ? first : second;
            ObjectNode body = changes.get(client).apply(instance.updateOf(token, lead)
                    .put("request_id", requestId(lead, client)));
            answers.add(clients.submit((Callable<ServiceClient.Answer>) () -> instance.post("/leads/update", body)));
        }
        clients.shutdown();
        assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
        for (int client = 0; client < CLIENTS; client++) {
            JsonNode answered = answers.get(client).get().ok().data();
            if (client >= OWN_CHANGES) {
                // the field they all fight over reads as this call set it: a later call's value never shows
                assertThat(answered.path("description").asText()).isEqualTo(description(client));
            }
        }
    }

    /** Checks, through {@code client}, that the lead has every change of the race and its history every call. */
    static void assertNothingLost(ServiceClient client, String token, JsonNode lead) {
        JsonNode after = client.show(token, lead).ok().data();
        for (int udf = 1; udf <= 8; udf++) {
            assertThat(after.path("udf_string_" + udf).asText()).isEqualTo("client of udf_string_" + udf);
        }
        assertThat(after.path("udf_float_4").decimalValue()).isEqualByComparingTo("6.0");
        assertThat(after.path("udf_date_3").asText()).isEqualTo("2030-03-01T00:00:00");
        assertThat(after.path("competitors_set").findValuesAsText("name"))
                .containsExactlyInAnyOrder("Competitor 1", "Competitor 2", "Competitor 4", "MagnaQuest");
        assertThat(after.path("users_set").findValuesAsText("username"))
                .containsExactlyInAnyOrder("mariosmtest", "supervisor", "MPAdministrator");

        JsonNode history = client.get("/leads/history", Map.of("token", token, "lead_identifier",
                "number=" + lead.path("number").asText(), "records_per_page", "1000")).ok().data();
        Set<String> requests = new HashSet<>();
        history.forEach(entry -> requests.add(entry.path("request_id").asText()));
        assertThat(requests).containsAll(IntStream.range(0, CLIENTS).mapToObj(racer -> requestId(lead, racer)).toList());
        long descriptions = StreamSupport.stream(history.spliterator(), false)
                .filter(entry -> entry.path("field").asText().equals("description")).count();
        assertThat(descriptions).isEqualTo(CLIENTS - OWN_CHANGES);
        assertThat(after.path("version").asLong()).isEqualTo(lead.path("version").asLong() + CLIENTS);
    }

    private static String requestId(JsonNode lead, int client) {
        return "race-" + lead.path("number").asText() + "-" + client;
    }

    private static String description(int client) {
        return "description by client " + client;
    }

    /** The change each client makes: fields of their own, members to add, and one field they all fight over. */
    private static List<Function<ObjectNode, ObjectNode>> changes(ObjectMapper json) {
        List<Function<ObjectNode, ObjectNode>> changes = new ArrayList<>();
        for (int udf = 1; udf <= 8; udf++) {
            String field = "udf_string_" + udf;
            changes.add(body -> body.put(field, "client of " + field));
        }
        for (int udf = 1; udf <= 4; udf++) {
            String field = "udf_float_" + udf;
            int value = udf;
            changes.add(body -> body.put(field, value * 1.5));
        }
        for (int udf = 1; udf <= 4; udf++) {
            String field = "udf_date_" + udf;
            String value = "2030-0" + udf + "-01T00:00:00";
            changes.add(body -> body.put(field, value));
        }
        for (String competitor : List.of("Competitor 1", "Competitor 2", "Competitor 4", "MagnaQuest")) {
            changes.add(body -> body.set("competitors_set", json.createArrayNode().add(json.createObjectNode()
                    .put("action", "add").set("competitor_identifier", json.createObjectNode().put("name", competitor)))));
        }
        for (String user : List.of("mariosmtest", "supervisor", "MPAdministrator")) {
            changes.add(body -> body.set("users_set", json.createArrayNode().add(json.createObjectNode()
                    .put("action", "add").set("user_identifier", json.createObjectNode().put("username", user)))));
        }
        while (changes.size() < CLIENTS) {
            String description = description(changes.size());
            changes.add(body -> body.put("description", description));
        }
        return changes;
    }
}
