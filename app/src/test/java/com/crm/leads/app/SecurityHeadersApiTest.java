package com.crm.leads.app;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer, refusals included, tells a browser not to guess its type and every cache not to keep it: the answers
 * carry tokens, leads and the people behind them (contract section 2). No page of another origin is allowed to read
 * one.
 */
class SecurityHeadersApiTest extends ApiTest {

    private static final String OTHER_ORIGIN = "https://elsewhere.example";

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
        Answer read = send(HttpRequest.newBuilder(uri("/leads/show?token=" + admin + "&lead_identifier=number=69"))
                .header("Origin", OTHER_ORIGIN).GET()).ok();

        assertAllowsNoOtherOrigin(read);
    }

    @Test
    void aPreflightOfAnotherOriginIsForbiddenInTheEnvelope() {
        for (String path : List.of("/leads/show", "/leads/update", "/no/such/method")) {
            Answer preflight = send(HttpRequest.newBuilder(uri(path))
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                    .header("Origin", OTHER_ORIGIN)
                    .header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "content-type")).fails("FORBIDDEN", 403);

            assertAllowsNoOtherOrigin(preflight);
            assertGuarded(preflight);
        }
    }

    private static void assertAllowsNoOtherOrigin(Answer answer) {
        assertThat(answer.response().headers().map().keySet())
                .noneMatch(name -> name.toLowerCase(Locale.ROOT).startsWith("access-control-allow"));
    }

    private static void assertGuarded(Answer answer) {
        assertThat(answer.response().headers().allValues("X-Content-Type-Options")).isEqualTo(List.of("nosniff"));
        assertThat(answer.response().headers().allValues("Cache-Control")).isEqualTo(List.of("no-store"));
    }
}
