package com.crm.leads.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer, refusals included, tells a browser not to guess its type and every cache not to keep it: the answers
 * carry tokens, leads and the people behind them (contract section 2).
 */
class SecurityHeadersApiTest extends ApiTest {

    @Test
    void theAnswerThatCarriesATokenIsNeitherSniffedNorStored() {
        assertGuarded(post("/authentication/token", Map.of("username", "supervisor", "password", password(),
                "organisation", "CRM")).ok());
    }

    @Test
    void aLeadIsNeitherSniffedNorStored() {
        assertGuarded(get("/leads/show", Map.of("token", admin, "lead_identifier", "number=69")).ok());
    }

    @Test
    void aRefusalIsNeitherSniffedNorStored() {
        assertGuarded(get("/leads/list", Map.of("token", "no-such-token")).fails("INVALID_TOKEN", 401));
    }

    @Test
    void aRequestTomcatRefusesItselfGetsTheHeadersToo() {
        assertGuarded(send(HttpRequest.newBuilder(uri("/leads%2Fshow?lead_identifier=number=69")).GET())
                .fails("MALFORMED_REQUEST", 400));
    }

    @Test
    void theHealthProbeIsNeitherSniffedNorStored() {
        Answer health = send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).GET());

        assertGuarded(health);
    }

    @Test
    void aBrowserPageOfAnotherOriginIsNotAllowedToReadAnswers() {
        HttpRequest.Builder preflight = HttpRequest.newBuilder(uri("/leads/show"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://elsewhere.example")
                .header("Access-Control-Request-Method", "GET");
        HttpRequest.Builder read = HttpRequest.newBuilder(uri("/leads/show?token=" + admin
                + "&lead_identifier=number=69")).header("Origin", "https://elsewhere.example").GET();

        for (HttpRequest.Builder request : List.of(preflight, read)) {
            assertThat(sendRaw(request).headers().map().keySet())
                    .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-allow"));
        }
    }

    /** The answer as it came: a refused preflight is not the envelope (Spring writes it as plain text). */
    private static HttpResponse<String> sendRaw(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertGuarded(Answer answer) {
        assertThat(answer.response().headers().allValues("X-Content-Type-Options")).isEqualTo(List.of("nosniff"));
        assertThat(answer.response().headers().allValues("Cache-Control")).isEqualTo(List.of("no-store"));
    }
}
