package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No client input makes the service fail (contract sections 1, 8 and 12): the {@link HostileRequests} on the default
 * store, the protocol's own refusals in the envelope with a client's code, and what a strict reader still accepts.
 */
class HostileInputApiTest extends ApiTest {

    @TestFactory
    Stream<DynamicTest> everyHostileRequestIsRefusedNamingItsParameterAndChangesNothing() {
        return new HostileRequests(this).tests();
    }

    @Test
    void traceIsMethodNotAllowedInTheEnvelopeAndEchoesNothing() {
        Answer answer = send(HttpRequest.newBuilder(uri("/leads/show")).header("X-Secret", "do-not-echo")
                .method("TRACE", HttpRequest.BodyPublishers.noBody())).fails("METHOD_NOT_ALLOWED", 405);

        assertThat(answer.response().body()).doesNotContain("do-not-echo");
    }

    @Test
    void optionsAnswersTheMethodsOfAPathInAllowAndTheEnvelope() {
        Answer answer = send(HttpRequest.newBuilder(uri("/leads/show"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())).ok();

        assertThat(answer.response().headers().firstValue("Allow")).hasValueSatisfying(allow ->
                assertThat(allow).contains("GET").doesNotContain("POST"));
        assertThat(answer.body().get("data").isNull()).isTrue();
    }

    @Test
    void optionsOnAnUnknownPathIsNotFound() {
        send(HttpRequest.newBuilder(uri("/leads/nothing")).method("OPTIONS", HttpRequest.BodyPublishers.noBody()))
                .fails("NOT_FOUND", 404);
    }

    @Test
    void aTransferCodingTheServerDoesNotImplementKeeps501ButIsTheClientsMalformedRequest() throws IOException {
        JsonNode answer = rawExchange("POST " + BASE + "/leads/update HTTP/1.1\r\nHost: localhost\r\n"
                + "Transfer-Encoding: identity\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n{}", 501);

        assertThat(answer.path("status").path("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void anHttpVersionTheServerDoesNotSpeakKeeps505ButIsTheClientsMalformedRequest() throws IOException {
        JsonNode answer = rawExchange("GET " + BASE + "/leads/show HTTP/2.0\r\nHost: localhost\r\n"
                + "Connection: close\r\n\r\n", 505);

        assertThat(answer.path("status").path("code").asText()).isEqualTo("MALFORMED_REQUEST");
    }

    @Test
    void theLastPageTheStoreCanAddressIsSimplyEmpty() {
        Answer answer = get("/leads/history", Map.of("token", admin, "lead_identifier", "number=69",
                "page", String.valueOf(Integer.MAX_VALUE / 1000), "records_per_page", "1000")).ok();

        assertThat(answer.data().isEmpty()).isTrue();
    }

    @Test
    void astralCharactersAndEveryScriptAreKeptAsSent() {
        JsonNode lead = createLead(admin, Map.of());
        String text = "Kokos \uD83D\uDE00 \u03A0\u03B1\u03BD\u03B1\u03B3\u03AE \u4E2D\u6587";

        JsonNode updated = applied(update(lead, "description", text));

        assertThat(updated.path("description").asText()).isEqualTo(text);
    }

    @Test
    void aRequestIdOf200VisibleAsciiCharactersIsAccepted() {
        JsonNode lead = createLead(admin, Map.of());
        String id = "!~".repeat(100);

        JsonNode first = applied(update(lead, "description", "once", "request_id", id));

        assertThat(post("/leads/update", update(lead, "description", "once", "request_id", id)).ok().data())
                .isEqualTo(first);
    }

    /** Sends bytes as they are, for what an HTTP client library would not send, and reads the envelope back. */
    private JsonNode rawExchange(String request, int expectedStatus) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 " + expectedStatus);
            return json.readTree(response.substring(response.indexOf('{'), response.lastIndexOf('}') + 1));
        }
    }
}
