package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the HTTP tests: the whole service on a random port with a fresh in-memory database, shared by every
 * test class (one Spring context), and a client that speaks to it over real HTTP as an integrator would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-test;DB_CLOSE_DELAY=-1",
        "logging.level.root=WARN"})
public abstract class ApiTest {

    protected static final String BASE = "/crmapi/rest/v2";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    protected ObjectMapper json;

    /** An HTTP answer: its status and its body as JSON. */
    public record Answer(int status, JsonNode body, HttpResponse<String> response) {

        public String code() {
            return body.path("status").path("code").asText();
        }

        public String description() {
            return body.path("status").path("description").asText();
        }

        public JsonNode data() {
            return body.path("data");
        }

        /** Asserts the envelope's failure: its code, HTTP status, and that data is null. */
        public Answer fails(String expectedCode, int expectedStatus) {
            assertThat(code()).as("code of %s", body).isEqualTo(expectedCode);
            assertThat(status).as("HTTP status of %s", body).isEqualTo(expectedStatus);
            assertThat(body.get("data").isNull()).as("data of a failure").isTrue();
            return this;
        }

        public Answer ok() {
            assertThat(code()).as("code of %s", body).isEqualTo("OK");
            assertThat(status).isEqualTo(200);
            return this;
        }
    }

    protected String token() {
        return token("MPAdministrator");
    }

    protected String token(String username) {
        return post("/authentication/token", Map.of("username", username, "password", "dev-password",
                "organisation", "CRM")).ok().data().path("token").asText();
    }

    protected ObjectNode body(String token) {
        return json.createObjectNode().put("token", token);
    }

    protected Answer post(String path, Object body) {
        try {
            return post(path, json.writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected Answer post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    protected Answer get(String path, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
                .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(uri(path + query)).GET());
    }

    protected Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), json.readTree(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    protected URI uri(String path) {
        return URI.create("http://localhost:" + port + BASE + path);
    }

    /** Creates a lead for Filippos Constantinou in the New status; {@code extra} adds or overrides parameters. */
    protected JsonNode createLead(String token, Map<String, Object> extra) {
        ObjectNode request = body(token);
        request.set("contact_information_identifier", json.createObjectNode().put("name", "Filippos Constantinou"));
        request.set("type_identifier", json.createObjectNode().put("name", "New Customer"));
        request.set("status_identifier", json.createObjectNode().put("name", "New"));
        request.put("importance", "IMPORTANCE3");
        request.put("priority", 4);
        request.setAll((ObjectNode) json.valueToTree(extra));
        return post("/leads/create", request).ok().data();
    }

    protected ObjectNode updateOf(String token, JsonNode lead) {
        ObjectNode request = body(token);
        request.set("lead_identifier", json.createObjectNode().put("number", lead.path("number").asText()));
        return request;
    }
}
