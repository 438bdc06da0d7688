package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline page as the service serves it (the page itself is tested in a browser, {@code app/src/test/browser}),
 * and the token in an {@code Authorization} header, which is how the page keeps it out of every URL.
 */
class TimelinePageApiTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HttpResponse<String> fetch(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageIsServedUnderUiAndTheRootLeadsThere() throws Exception {
        HttpResponse<String> root = fetch("/");
        HttpResponse<String> page = fetch("/ui/");

        assertThat(root.statusCode()).isEqualTo(302);
        assertThat(root.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).endsWith("/ui/"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("<script type=\"module\" src=\"app.js\"></script>");
    }

    @Test
    void thePageRunsOnlyItsOwnScriptsAndIsNeverFramed() throws Exception {
        HttpResponse<String> script = fetch("/ui/app.js");

        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).contains("javascript"));
        assertThat(script.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(policy ->
                assertThat(policy).contains("script-src 'self'", "frame-ancestors 'none'")
                        .doesNotContain("unsafe-inline"));
        assertThat(script.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
    }

    @Test
    void aFileThePageDoesNotHaveIsNotFoundInTheEnvelope() throws Exception {
        HttpResponse<String> missing = fetch("/ui/missing.js");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json.readTree(missing.body()).path("status").path("code").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aGetTakesTheTokenFromABearerHeaderAsFromTheParameter() {
        JsonNode lead = newLead(Map.of("description", "read with a header"));
        String number = lead.path("number").asText();

        Answer withHeader = send(HttpRequest.newBuilder(uri("/leads/show?lead_identifier=number=" + number))
                .header("Authorization", "Bearer " + admin).GET());

        assertThat(withHeader.ok().data()).isEqualTo(showBy("number=" + number).ok().data());
    }

    @Test
    void aWrongBearerTokenIsRefusedAsAWrongParameterIs() {
        Answer answer = send(HttpRequest.newBuilder(uri("/leads/show?lead_identifier=number=69"))
                .header("Authorization", "Bearer 0123456789ABCDEF0123456789ABCDEF").GET());

        answer.fails("INVALID_TOKEN", 401);
    }

    @Test
    void aTokenInBothTheHeaderAndTheParameterIsRefused() {
        Answer answer = send(HttpRequest.newBuilder(uri("/leads/show?lead_identifier=number=69&token=" + admin))
                .header("Authorization", "Bearer " + admin).GET());

        answer.fails("INVALID_PARAMETER", 400);
        assertThat(answer.description()).isEqualTo("token");
    }

    @Test
    void aPostReadsItsTokenFromItsBodyOnly() {
        Answer answer = postWithHeaders("/leads/update", Map.of("lead_identifier", Map.of("number", "127"),
                "description", "no token in the body"), "Authorization", "Bearer " + admin);

        answer.fails("INVALID_TOKEN", 401);
    }
}
