package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Speaks to a running service over real HTTP, as an integrator's code would. */
public abstract class ServiceClient {

    public static final String BASE = "/crmapi/rest/v2";

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** The port the service listens on. */
    protected abstract int port();

    public abstract ObjectMapper mapper();

    /** A client of the service on {@code port}. */
    public static ServiceClient on(int port, ObjectMapper json) {
        return on(port, json, "dev-password");
    }

    /** A client of the service on {@code port}, whose users sign in with {@code password}. */
    public static ServiceClient on(int port, ObjectMapper json, String password) {
        return new ServiceClient() {
            @Override
            protected int port() {
                return port;
            }

            @Override
            public ObjectMapper mapper() {
                return json;
            }

            @Override
            protected String password() {
                return password;
            }
        };
    }

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

        public String message() {
            return body.path("status").path("message").asText();
        }

        /** The ETag header, which carries the lead's version; null when the answer has none. */
        public String eTag() {
            return response.headers().firstValue("ETag").orElse(null);
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

    public String token() {
        return token("MPAdministrator");
    }

    public String token(String username) {
        return post("/authentication/token", Map.of("username", username, "password", password(),
                "organisation", "CRM")).ok().data().path("token").asText();
    }

    /** The catalogue users' password: the default catalogue's development one unless a test catalogue says. */
    protected String password() {
        return "dev-password";
    }

    public ObjectNode body(String token) {
        return mapper().createObjectNode().put("token", token);
    }

    public Answer post(String path, Object body) {
        try {
            return post(path, mapper().writeValueAsString(body), "application/json");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Posts {@code body} as JSON with headers given as name, value pairs. */
    public Answer postWithHeaders(String path, Object body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return send(request.POST(HttpRequest.BodyPublishers.ofString(mapper().writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Answer post(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Answer get(String path, Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&")
                .append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(HttpRequest.newBuilder(uri(path + query)).GET());
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), mapper().readTree(response.body()), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://localhost:" + port() + BASE + path);
    }

    /** Creates a lead for Filippos Constantinou in the New status; {@code extra} adds or overrides parameters. */
    public JsonNode createLead(String token, Map<String, Object> extra) {
        ObjectNode request = createRequest(token);
        request.setAll((ObjectNode) mapper().valueToTree(extra));
        return post("/leads/create", request).ok().data();
    }

    /** The body {@link #createLead} sends: the mandatory parameters only. */
    public ObjectNode createRequest(String token) {
        ObjectNode request = body(token);
        request.set("contact_information_identifier", mapper().createObjectNode().put("name", "Filippos Constantinou"));
        request.set("type_identifier", mapper().createObjectNode().put("name", "New Customer"));
        request.set("status_identifier", mapper().createObjectNode().put("name", "New"));
        request.put("importance", "IMPORTANCE3");
        request.put("priority", 4);
        return request;
    }

    /** An update body for {@code lead}, naming it by number. */
    public ObjectNode updateOf(String token, JsonNode lead) {
        ObjectNode request = body(token);
        request.set("lead_identifier", mapper().createObjectNode().put("number", lead.path("number").asText()));
        return request;
    }

    public Answer show(String token, JsonNode lead) {
        return get("/leads/show", Map.of("token", token, "lead_identifier", "number=" + lead.path("number").asText()));
    }

    /** Asks until the answer is as expected, for at most 20 seconds: for what an eventually consistent part shows. */
    public static <T> T eventually(Supplier<T> ask, Predicate<T> expected) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        T answer = ask.get();
        while (!expected.test(answer) && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            answer = ask.get();
        }
        assertThat(answer).matches(expected::test, "the expected answer within 20 s");
        return answer;
    }
}
