package com.crm.leads.app;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
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

    private static void assertGuarded(Answer answer) {
        assertThat(answer.response().headers().allValues("X-Content-Type-Options")).isEqualTo(List.of("nosniff"));
        assertThat(answer.response().headers().allValues("Cache-Control")).isEqualTo(List.of("no-store"));
    }
}
