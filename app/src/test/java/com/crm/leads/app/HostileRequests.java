package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests a hostile client sends (contract sections 1 and 12): text that is not Unicode or holds NUL, bodies that are
 * not exactly one JSON object, values past the limits, wildcard content types. Each must be refused in the envelope
 * with its code, naming the parameter where there is one, and change nothing; on every store.
 */
final class HostileRequests {

    private final ServiceClient client;
    private final String token;
    /** A lead of each refusal's own, so one refusal that fails cannot make the others fail. */
    private JsonNode lead;

    /** A refused request: what it is, how it is sent, and the refusal expected. */
    record Refusal(String name, Function<HostileRequests, ServiceClient.Answer> send, String code, int status,
                   String description) {
    }

    HostileRequests(ServiceClient client) {
        this.client = client;
        this.token = client.token();
    }

    /** One test per refusal: refused as expected, and the lead exactly as it was (version and all). */
    Stream<DynamicTest> tests() {
        return refusals().stream().map(refusal -> DynamicTest.dynamicTest(refusal.name(), () -> {
            lead = client.createLead(token, Map.of("start_date", "2030-01-01T00:00:00"));
            ServiceClient.Answer answer = refusal.send().apply(this).fails(refusal.code(), refusal.status());
            assertThat(answer.description()).as("description of %s", answer.body()).isEqualTo(refusal.description());
            assertThat(answer.body().path("status").path("message").asText()).isNotBlank();
            assertThat(client.show(token, lead).ok().data()).as("the lead after the refusal").isEqualTo(lead);
        }));
    }

    static List<Refusal> refusals() {
        List<Refusal> refusals = new ArrayList<>();
        // text that is not Unicode, or holds NUL, wherever the service reads text
        refusals.add(invalid("a NUL in the lead number of show", it -> it.show("number=" + it.number() + "\u0000"),
                "lead_identifier"));
        refusals.add(invalid("a NUL in search_value", it -> it.query("/leads/list", "search_value", "a\u0000b"),
                "search_value"));
        refusals.add(invalid("a NUL in a history filter", it -> it.query("/leads/history", "lead_identifier",
                "number=" + it.number(), "field", "description\u0000"), "field"));
        refusals.add(invalid("a NUL in the lead of status_durations", it -> it.query("/leads/status_durations",
                "lead_identifier", "number=\u0000"), "lead_identifier"));
        refusals.add(invalid("a NUL in the lead number of update", it -> it.update(body -> body.set("lead_identifier",
                it.object().put("number", it.number() + "\u0000"))), "lead_identifier.number"));
        refusals.add(invalid("a NUL in request_id", it -> it.update(body -> body.put("request_id", "a\u0000b")),
                "request_id"));
        // written as JSON escapes: a lone surrogate has no UTF-8 bytes of its own
        refusals.add(invalid("a lone surrogate in description", it -> it.raw(it.updateWith(
                ",\"description\":\"half \\uD800 a pair\"")), "description"));
        refusals.add(invalid("a lone low surrogate deep in a set entry", it -> it.raw(it.updateWith(
                ",\"competitors_set\":[{\"action\":\"add\",\"competitor_identifier\":{\"name\":\"\\uDC00\"}}]")),
                "competitors_set[0].competitor_identifier.name"));
        refusals.add(invalid("a NUL in a new lead's contact", it -> it.create(body -> body.set(
                "contact_information_identifier", it.object().put("name", "Filippos\u0000"))),
                "contact_information_identifier.name"));
        refusals.add(malformed("a NUL in a parameter name", it -> it.update(body -> body.put("descr\u0000", "x"))));
        refusals.add(invalid("a NUL in a username", it -> it.client.post("/authentication/token",
                Map.of("username", "MPAdministrator\u0000", "password", "x", "organisation", "CRM")), "username"));
        // bodies that are not exactly one JSON object in UTF-8
        refusals.add(malformed("text after the body", it -> it.raw(it.updateBody() + "x")));
        refusals.add(malformed("a second closing brace", it -> it.raw(it.updateBody() + "}")));
        refusals.add(malformed("a number after the body", it -> it.raw(it.updateBody() + " 1")));
        refusals.add(malformed("lead_identifier given twice", it -> it.raw(it.updateBody().replace("{\"token\"",
                "{\"lead_identifier\":{\"number\":\"69\"},\"token\""))));
        refusals.add(malformed("a key twice deep inside", it -> it.raw(it.updateWith(
                ",\"assigned_to\":{\"unit_identifier\":{\"name\":\"Admin Unit\",\"name\":\"Admin Unit\"}}"))));
        refusals.add(malformed("bytes that are not UTF-8", it -> it.bytes(it.updateWith(
                ",\"description\":\"\u00ff\"").getBytes(StandardCharsets.ISO_8859_1))));
        // ISO-8859-1 writes each of these characters as the one byte of its code
        refusals.add(malformed("a surrogate written as UTF-8 bytes", it -> it.bytes(it.updateWith(
                ",\"description\":\"\u00ed\u00a0\u0080\"").getBytes(StandardCharsets.ISO_8859_1))));
        refusals.add(malformed("a body in UTF-16", it -> it.bytes(
                it.updateBody().getBytes(StandardCharsets.UTF_16BE))));
        // request ids
        refusals.add(invalid("an Idempotency-Key of 201 characters", it -> it.keyed("k".repeat(201)),
                "Idempotency-Key"));
        refusals.add(invalid("an Idempotency-Key with a space", it -> it.keyed("two words"), "Idempotency-Key"));
        refusals.add(invalid("an empty request_id", it -> it.update(body -> body.put("request_id", "")),
                "request_id"));
        refusals.add(invalid("a request_id of 201 characters", it -> it.update(body -> body.put("request_id",
                "r".repeat(201))), "request_id"));
        refusals.add(invalid("a request_id beyond ASCII", it -> it.update(body -> body.put("request_id", "caf\u00e9")),
                "request_id"));
        // section 12's limits
        refusals.add(invalid("101 set entries over two sets", it -> it.update(body -> {
            body.set("competitors_set", it.entries(60, "competitor_identifier", "name", "Competitor 1"));
            body.set("users_set", it.entries(41, "user_identifier", "username", "supervisor"));
        }), "users_set"));
        refusals.add(invalid("a start date before 1900", it -> it.update(body -> body.put("start_date",
                "1899-12-31T23:59:59")), "start_date"));
        refusals.add(invalid("a date in year 10000", it -> it.update(body -> body.put("udf_date_1",
                "10000-01-01")), "udf_date_1"));
        refusals.add(invalid("a far-future date with a sign", it -> it.update(body -> body.put(
                "expected_completion_date", "+999999999-12-31")), "expected_completion_date"));
        refusals.add(invalid("a period of 101 years", it -> it.update(body -> body.set("estimated_completion_time",
                it.period(101, "YEARS"))), "estimated_completion_time.time_period_value"));
        refusals.add(invalid("a huge period in minutes", it -> it.update(body -> body.set("estimated_completion_time",
                it.period(Long.MAX_VALUE, "MINUTES"))), "estimated_completion_time.time_period_value"));
        refusals.add(invalid("a start date and period past 9999", it -> it.update(body -> body.put("start_date",
                "9999-06-01").set("estimated_completion_time", it.period(1, "YEARS"))),
                "estimated_completion_time"));
        refusals.add(invalid("a target amount past the largest number", it -> it.update(body -> body.put(
                "target_amount", 1e16)), "target_amount"));
        refusals.add(invalid("a float past what a double holds", it -> it.raw(it.updateWith(
                ",\"udf_float_1\":1e999")), "udf_float_1"));
        refusals.add(invalid("a float that would read as 0", it -> it.raw(it.updateWith(
                ",\"udf_float_2\":1e-400")), "udf_float_2"));
        refusals.add(invalid("a number longer than Jackson reads", it -> it.raw(it.updateWith(
                ",\"target_amount\":1" + "0".repeat(1200))), "target_amount"));
        refusals.add(invalid("as_of_date before 1900", it -> it.query("/leads/show", "lead_identifier",
                "number=" + it.number(), "as_of_date", "1899-01-01"), "as_of_date"));
        refusals.add(invalid("updated_date_to far in the future", it -> it.query("/leads/list", "updated_date_to",
                "+999999999-12-31"), "updated_date_to"));
        refusals.add(invalid("from_date in year 1", it -> it.query("/leads/history", "lead_identifier",
                "number=" + it.number(), "from_date", "0001-01-01"), "from_date"));
        refusals.add(invalid("a history page the store cannot address", it -> it.query("/leads/history",
                "lead_identifier", "number=" + it.number(), "page", "3000000", "records_per_page", "1000"), "page"));
        refusals.add(invalid("a list page the store cannot address", it -> it.query("/leads/list", "page", "3000000",
                "records_per_page", "1000"), "page"));
        // content types that are no JSON
        for (String type : List.of("*/*", "application/*", "text/*")) {
            refusals.add(new Refusal("a token asked for as " + type, it -> it.client.post("/authentication/token",
                    "{\"username\":\"MPAdministrator\"}", type), "MALFORMED_REQUEST", 415, ""));
        }
        refusals.add(new Refusal("a token released as */*", it -> it.client.post("/authentication/token/release",
                "{\"token\":\"" + it.token + "\"}", "*/*"), "MALFORMED_REQUEST", 415, ""));
        refusals.add(new Refusal("an update declared in ISO-8859-1", it -> it.client.post("/leads/update",
                it.updateBody(), "application/json; charset=ISO-8859-1"), "MALFORMED_REQUEST", 415, ""));
        return refusals;
    }

    private static Refusal invalid(String name, Function<HostileRequests, ServiceClient.Answer> send,
                                   String description) {
        return new Refusal(name, send, "INVALID_PARAMETER", 400, description);
    }

    private static Refusal malformed(String name, Function<HostileRequests, ServiceClient.Answer> send) {
        return new Refusal(name, send, "MALFORMED_REQUEST", 400, "");
    }

    // --- how the requests are sent ---

    private String number() {
        return lead.path("number").asText();
    }

    private ObjectNode object() {
        return client.mapper().createObjectNode();
    }

    private ArrayNode array() {
        return client.mapper().createArrayNode();
    }

    private ObjectNode period(long value, String unit) {
        return object().put("time_period_value", value).put("time_period_uot", unit);
    }

    private ArrayNode entries(int count, String identifier, String field, String value) {
        ArrayNode entries = array();
        for (int i = 0; i < count; i++) {
            entries.add(object().put("action", "add").set(identifier, object().put(field, value)));
        }
        return entries;
    }

    private String updateBody() {
        return client.updateOf(token, lead).toString();
    }

    /** The update body with more members written out, for what a JSON writer would not write. */
    private String updateWith(String members) {
        String body = updateBody();
        return body.substring(0, body.length() - 1) + members + "}";
    }

    private ServiceClient.Answer show(String leadIdentifier) {
        return query("/leads/show", "lead_identifier", leadIdentifier);
    }

    private ServiceClient.Answer query(String path, String... parameters) {
        Map<String, String> query = new LinkedHashMap<>(Map.of("token", token));
        for (int i = 0; i < parameters.length; i += 2) {
            query.put(parameters[i], parameters[i + 1]);
        }
        return client.get(path, query);
    }

    private ServiceClient.Answer update(Consumer<ObjectNode> change) {
        ObjectNode body = client.updateOf(token, lead);
        change.accept(body);
        return client.post("/leads/update", body);
    }

    private ServiceClient.Answer create(Consumer<ObjectNode> change) {
        ObjectNode body = client.createRequest(token);
        change.accept(body);
        return client.post("/leads/create", body);
    }

    private ServiceClient.Answer keyed(String key) {
        return client.send(HttpRequest.newBuilder(client.uri("/leads/update")).header("Content-Type",
                "application/json").header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(
                        client.updateOf(token, lead).put("description", "keyed").toString())));
    }

    private ServiceClient.Answer raw(String body) {
        return client.post("/leads/update", body, "application/json");
    }

    private ServiceClient.Answer bytes(byte[] body) {
        return client.send(HttpRequest.newBuilder(client.uri("/leads/update")).header("Content-Type",
                "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }
}
