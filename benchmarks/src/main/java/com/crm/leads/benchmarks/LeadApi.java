package com.crm.leads.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The calls the benchmark makes, in the CRM.COM wire format that both the lead service and its peer speak. Each
 * update is a real change: a field takes a value it never had.
 */
final class LeadApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final AtomicLong CHANGES = new AtomicLong();

    private final String base;
    private final String token;

    LeadApi(int port, String password) throws IOException, InterruptedException {
        this.base = "http://localhost:" + port + "/crmapi/rest/v2";
        ObjectNode credentials = JSON.createObjectNode().put("username", "MPAdministrator").put("password", password)
                .put("organisation", "CRM");
        this.token = post("/authentication/token", credentials).path("token").asText();
    }

    /** A lead as its creation left it. */
    record Created(String number, long version) {
    }

    /** Creates a lead with a few fields set, as a sales form would. */
    Created create() throws IOException, InterruptedException {
        return create("name", "Kokos Panagi");
    }

    /** Creates a lead as {@link #create()} does, for the contact whose {@code field} (id or name) is {@code value}. */
    Created create(String field, String value) throws IOException, InterruptedException {
        JsonNode created = post("/leads/create", JSON.readTree(createBody(field, value)));
        return new Created(created.path("number").asText(), created.path("version").asLong());
    }

    /** As {@link #create(String, String)}; true when the service answered OK. */
    boolean createFor(String field, String value) {
        return send(HttpRequest.newBuilder(URI.create(base + "/leads/create"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(createBody(field, value))));
    }

    private String createBody(String contactField, String contactValue) {
        ObjectNode lead = JSON.createObjectNode().put("token", token).put("importance", "IMPORTANCE2")
                .put("priority", 3).put("fields_set", "number,version");
        lead.putObject("contact_information_identifier").put(contactField, contactValue);
        lead.putObject("type_identifier").put("name", "New Customer");
        lead.putObject("status_identifier").put("name", "New");
        return lead.toString();
    }

    /** One update of one field; true when the service answered OK. */
    boolean update(String number) {
        return updateTagged(number) != null;
    }

    /** One update of one field; the value it wrote, never written before, or null when it was not answered OK. */
    String updateTagged(String number) {
        String value = newValue();
        return send(HttpRequest.newBuilder(URI.create(base + "/leads/update"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(updateBody(number, value)))) ? value : null;
    }

    /** The token the calls are made with. */
    String token() {
        return token;
    }

    /** One update, answering the lead's version after it. */
    long updateForVersion(String number) throws IOException, InterruptedException {
        return post("/leads/update", JSON.readTree(updateBody(number, newValue())))
                .path("version").asLong();
    }

    /**
     * One update of every user-defined field (sixteen changes, so sixteen events), answering the lead's version
     * after it: grows a long history in few calls.
     */
    long updateWideForVersion(String number) throws IOException, InterruptedException {
        long change = CHANGES.incrementAndGet();
        ObjectNode body = JSON.createObjectNode().put("token", token).put("fields_set", "version");
        body.putObject("lead_identifier").put("number", number);
        for (int field = 1; field <= 8; field++) {
            body.put("udf_string_" + field, "change " + change);
        }
        for (int field = 1; field <= 4; field++) {
            body.put("udf_float_" + field, change + field / 10.0);
            body.put("udf_date_" + field, LocalDate.of(1900, 1, 1).plusDays((change * 4 + field) % 2_900_000)
                    .toString());
        }
        return post("/leads/update", body).path("version").asLong();
    }

    /** One page of a lead's history, unfiltered; true when the service answered OK with {@code size} entries. */
    boolean historyPage(String number, long page, int size) {
        return answers("/leads/history?token=" + token + "&lead_identifier=number=" + number + "&page=" + page
                + "&records_per_page=" + size, data -> data.size() == size);
    }

    /** The lead as it stood after event {@code version}; true when the service answered it at that version. */
    boolean showAsOf(String number, long version) {
        return answers("/leads/show?token=" + token + "&lead_identifier=number=" + number + "&as_of_version="
                + version, data -> data.path("version").asLong() == version);
    }

    /** The trivial authenticated call that bounds what this server can answer at all. */
    boolean ceiling() {
        return send(HttpRequest.newBuilder(URI.create(base + "/catalogue/statuses?token=" + token)).GET());
    }

    /** Rebuilds the read models from the event store; answers what the rebuild reported. */
    JsonNode rebuild() throws IOException, InterruptedException {
        return post("/admin/rebuild", JSON.createObjectNode().put("token", token));
    }

    /**
     * The status durations of one lead, as the eventually consistent projection has them: empty while it has not
     * reached the lead yet.
     */
    Optional<JsonNode> statusDurations(String number) throws IOException, InterruptedException {
        return get("/leads/status_durations?token=" + token + "&lead_identifier=number=" + number);
    }

    /** The data of a GET answered OK; empty when it was not. */
    private Optional<JsonNode> get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(answer.body());
        return json.path("status").path("code").asText().equals("OK") ? Optional.of(json.path("data"))
                : Optional.empty();
    }

    /** Whether a GET was answered OK with data that is as {@code expected}. */
    private boolean answers(String pathAndQuery, Predicate<JsonNode> expected) {
        try {
            return get(pathAndQuery).filter(expected).isPresent();
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String newValue() {
        return "change " + CHANGES.incrementAndGet();
    }

    private String updateBody(String number, String value) {
        return "{\"token\": \"" + token + "\", \"lead_identifier\": {\"number\": \"" + number + "\"}, "
                + "\"udf_string_1\": \"" + value + "\", \"fields_set\": \"version\"}";
    }

    private static boolean send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode post(String path, JsonNode body) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(answer.body());
        if (!json.path("status").path("code").asText().equals("OK")) {
            throw new IllegalStateException(path + " answered " + answer.body());
        }
        return json.path("data");
    }
}
