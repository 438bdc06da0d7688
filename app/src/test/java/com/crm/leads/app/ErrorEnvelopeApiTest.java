package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Sections 1, 3 and 8 of the contract over HTTP: every failure answers with the envelope
 * {@code {"status": {"code", "message", "description"}, "data": null}}, the code's HTTP status, a message in plain
 * words, and nothing of the service's inside (no stack trace, class name or SQL).
 *
 * <p>INTERNAL_ERROR is not tested: no request provokes an unexpected failure of the service without a mock or a
 * broken deployment.
 */
class ErrorEnvelopeApiTest extends ApiTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** What would betray the inside of the service: stack traces, class and package names, SQL. */
    private static final List<String> INSIDE = List.of("Exception", "at com.", "java.", "org.", "SELECT", "INSERT");

    private static final int ONE_MEGABYTE = 1024 * 1024;

    // --- the checks and requests of these tests ---

    /**
     * Sends the request and checks that the answer is the failure envelope with this code and HTTP status, a
     * message in plain words, and nothing of the inside.
     */
    private Answer refused(HttpRequest.Builder request, String code, int status) {
        HttpResponse<String> response = exchange(request);
        String raw = response.body();
        String shown = raw.length() > 300 ? raw.substring(0, 300) + "..." : raw;
        assertThat(response.statusCode()).as("HTTP status of %s", shown).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as("Content-Type of %s", shown)
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        JsonNode body = parse(raw);
        assertThat(body.isObject()).as("%s is a JSON object", shown).isTrue();
        assertThat(body.properties()).as("top-level fields of %s", shown)
                .extracting(Map.Entry::getKey).containsExactlyInAnyOrder("status", "data");
        assertThat(body.get("data").isNull()).as("data of %s", shown).isTrue();
        JsonNode state = body.get("status");
        assertThat(state.properties()).as("status fields of %s", shown)
                .extracting(Map.Entry::getKey).containsExactlyInAnyOrder("code", "message", "description");
        assertThat(state.get("code").asText()).as("code of %s", shown).isEqualTo(code);
        assertThat(state.get("message").isTextual()).as("message of %s is text", shown).isTrue();
        assertThat(state.get("message").asText()).as("message of %s", shown).isNotBlank();
        assertThat(state.get("description").isTextual()).as("description of %s is text", shown).isTrue();
        for (String inside : INSIDE) {
            assertThat(raw).as("the answer gives away nothing of the inside").doesNotContain(inside);
        }
        return new Answer(response.statusCode(), body, response);
    }

    private HttpResponse<String> exchange(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode parse(String raw) {
        try {
            return json.readTree(raw);
        } catch (IOException e) {
            return fail("the answer is not JSON: %s", raw);
        }
    }

    private HttpRequest.Builder postJson(String path, String body) {
        return HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpRequest.Builder postJson(String path, JsonNode body) {
        return postJson(path, body.toString());
    }

    private HttpRequest.Builder getApi(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).GET();
    }

    private HttpRequest.Builder getOutsideApi(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
    }

    /** A lead of its own for each test that needs one, so no test depends on another's changes. */
    private ObjectNode updateOfANewLead(String token) {
        return updateOf(token, createLead(token, Map.of()));
    }

    private JsonNode showLead(String token, String number) {
        return get("/leads/show", Map.of("token", token, "lead_identifier", "number=" + number)).ok().data();
    }

    /** A JSON object of about {@code size} bytes: a valid update except for its far too long description. */
    private String bodyOfAbout(int size, String token) {
        String start = "{\"token\":\"" + token + "\",\"lead_identifier\":{\"number\":\"69\"},\"description\":\"";
        return start + "a".repeat(size - start.length() - 2) + "\"}";
    }

    // --- bodies that are not one JSON object ---

    @Test
    void malformedJsonIsAMalformedRequest() {
        refused(postJson("/leads/update", "{\"token\": \"" + token() + "\", \"lead_identifier\": {"),
                "MALFORMED_REQUEST", 400);
    }

    @Test
    void aBodyThatIsNotJsonAtAllIsAMalformedRequest() {
        refused(postJson("/leads/update", "token=abc&lead_identifier=number=69"), "MALFORMED_REQUEST", 400);
    }

    @Test
    void aJsonArrayBodyIsAMalformedRequest() {
        ObjectNode update = body(token());
        update.set("lead_identifier", json.createObjectNode().put("number", "69"));

        refused(postJson("/leads/update", json.createArrayNode().add(update)), "MALFORMED_REQUEST", 400);
    }

    @Test
    void anEmptyBodyIsAMalformedRequest() {
        refused(postJson("/leads/update", ""), "MALFORMED_REQUEST", 400);
    }

    @Test
    void aBodySentAsTextPlainIsAMalformedRequestWithStatus415() {
        ObjectNode update = body(token());
        update.set("lead_identifier", json.createObjectNode().put("number", "69"));

        refused(HttpRequest.newBuilder(uri("/leads/update")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(update.toString())), "MALFORMED_REQUEST", 415);
    }

    // --- bodies over the size limit ---

    @Test
    void aBodyOverOneMegabyteWithItsLengthDeclaredIsAMalformedRequestWithStatus413() {
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofString(
                bodyOfAbout(ONE_MEGABYTE + 100_000, token()));
        assertThat(body.contentLength()).as("sent with a Content-Length").isGreaterThan(ONE_MEGABYTE);

        Answer answer = refused(HttpRequest.newBuilder(uri("/leads/update"))
                .header("Content-Type", "application/json").POST(body), "MALFORMED_REQUEST", 413);

        assertThat(answer.description()).isEmpty();
    }

    @Test
    void aBodyOverOneMegabyteSentChunkedIsAMalformedRequestWithStatus413() {
        byte[] bytes = bodyOfAbout(ONE_MEGABYTE + 100_000, token()).getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));
        assertThat(body.contentLength()).as("sent chunked, without a Content-Length").isNegative();

        refused(HttpRequest.newBuilder(uri("/leads/update")).header("Content-Type", "application/json").POST(body),
                "MALFORMED_REQUEST", 413);
    }

    @Test
    void aBodyJustUnderOneMegabyteIsReadAndJudgedOnWhatItSays() {
        byte[] bytes = bodyOfAbout(ONE_MEGABYTE - 1_000, token()).getBytes(StandardCharsets.UTF_8);
        HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes));

        Answer answer = refused(HttpRequest.newBuilder(uri("/leads/update"))
                .header("Content-Type", "application/json").POST(body), "INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("description");
    }

    // --- routes and methods ---

    @Test
    void anUnknownRouteIsNotFound() {
        refused(getApi("/nothing"), "NOT_FOUND", 404);
        refused(postJson("/leads/nothing", body(token())), "NOT_FOUND", 404);
    }

    @Test
    void aPathOutsideTheApiIsNotFound() {
        refused(getOutsideApi("/favicon.ico"), "NOT_FOUND", 404);
    }

    @Test
    void theServletErrorPathIsNotARouteOfTheApi() {
        refused(getOutsideApi("/error"), "NOT_FOUND", 404);
    }

    @Test
    void aKnownPathWithTheWrongMethodIsMethodNotAllowed() {
        refused(getApi("/leads/update?token=" + token()), "METHOD_NOT_ALLOWED", 405);
        refused(postJson("/leads/show", body(token())), "METHOD_NOT_ALLOWED", 405);
    }

    @Test
    void anEncodedSlashInThePathIsAMalformedRequestInTheEnvelope() {
        refused(getApi("/leads%2Fshow?lead_identifier=number=69"), "MALFORMED_REQUEST", 400);
    }

    @Test
    void requestHeadersOverTheServersLimitAreAMalformedRequestInTheEnvelope() {
        refused(getApi("/leads/show?lead_identifier=number=69").header("X-Padding", "a".repeat(20_000)),
                "MALFORMED_REQUEST", 400);
    }

    @Test
    void aClientThatAcceptsOnlyHtmlStillGetsTheFailureInTheEnvelope() {
        refused(getApi("/catalogue/statuses").header("Accept", "text/html"), "INVALID_TOKEN", 401);
    }

    @Test
    void aClientThatAcceptsOnlyXmlStillGetsAnUnknownRouteInTheEnvelope() {
        refused(getApi("/nothing").header("Accept", "application/xml"), "NOT_FOUND", 404);
    }

    // --- parameters ---

    @Test
    void anUnknownParameterIsAnInvalidParameterNamedInTheDescriptionAndChangesNothing() {
        String token = token();
        ObjectNode update = updateOfANewLead(token);
        String number = update.path("lead_identifier").path("number").asText();
        long version = showLead(token, number).path("version").asLong();
        update.put("priority", 1);
        update.put("colour", "blue");

        Answer answer = refused(postJson("/leads/update", update), "INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("colour");
        assertThat(answer.message()).contains("colour");
        assertThat(showLead(token, number).path("version").asLong()).isEqualTo(version);
        assertThat(showLead(token, number).path("priority").asInt()).isEqualTo(4);
    }

    @Test
    void anUnknownQueryParameterIsAnInvalidParameterNamedInTheDescription() {
        Answer answer = refused(getApi("/leads/show?token=" + token() + "&lead_identifier=number=69&colour=blue"),
                "INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("colour");
    }

    @Test
    void aValueOfTheWrongTypeIsAnInvalidParameterNamedInTheDescription() {
        ObjectNode update = updateOfANewLead(token());
        update.put("priority", "high");

        Answer answer = refused(postJson("/leads/update", update), "INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("priority");
        assertThat(answer.message()).contains("priority");
    }

    // --- identifiers ---

    private Answer updateWithLeadIdentifier(JsonNode leadIdentifier) {
        ObjectNode update = body(token());
        update.set("lead_identifier", leadIdentifier);
        return refused(postJson("/leads/update", update), "INVALID_IDENTIFIER", 400);
    }

    @Test
    void aLeadIdentifierWithoutAnyFieldIsAnInvalidIdentifier() {
        Answer answer = updateWithLeadIdentifier(json.createObjectNode());

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void aLeadIdentifierWithTwoFieldsIsAnInvalidIdentifier() {
        JsonNode lead69 = showLead(token(), "69");

        Answer answer = updateWithLeadIdentifier(json.createObjectNode()
                .put("id", lead69.path("id").asText()).put("number", "69"));

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void aLeadIdentifierWithAnUnknownFieldIsAnInvalidIdentifier() {
        Answer answer = updateWithLeadIdentifier(json.createObjectNode().put("name", "x"));

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void aLeadNumberThatDoesNotExistIsNotFoundWithStatus404() {
        String token = token();
        ObjectNode update = body(token);
        update.set("lead_identifier", json.createObjectNode().put("number", "987654321"));

        Answer updated = refused(postJson("/leads/update", update), "NOT_FOUND", 404);
        Answer shown = refused(getApi("/leads/show?token=" + token + "&lead_identifier=number=987654321"),
                "NOT_FOUND", 404);

        assertThat(updated.description()).isEqualTo("lead_identifier");
        assertThat(shown.description()).isEqualTo("lead_identifier");
    }

    @Test
    void aStatusThatDoesNotExistIsNotFoundWithStatus400NamingStatusIdentifier() {
        ObjectNode update = updateOfANewLead(token());
        update.set("status_identifier", json.createObjectNode().put("name", "No Such Status"));

        Answer answer = refused(postJson("/leads/update", update), "NOT_FOUND", 400);

        assertThat(answer.description()).isEqualTo("status_identifier");
    }

    @Test
    void aStatusNameMatchesOnlyInItsExactCase() {
        ObjectNode update = updateOfANewLead(token());
        update.set("status_identifier", json.createObjectNode().put("name", "reach"));

        Answer answer = refused(postJson("/leads/update", update), "NOT_FOUND", 400);

        assertThat(answer.description()).isEqualTo("status_identifier");
    }
}
