package com.crm.leads.app;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} as an operator scrapes it: HTTP latencies per method, Axon's commands and processors,
 * the segments claimed and the dead letters waiting, sign-in failures and throttling, open change-feed streams; and
 * nothing else of the actuator open.
 */
class MetricsApiTest extends SignInApiTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void theScrapeHasWhatAnOperatorAlertsOn() throws Exception {
        applied(update(newLead(), "description", "measured"));

        String scrape = scrape();

        assertThat(scrape).contains("http_server_requests_seconds_count{", "uri=\"/crmapi/rest/v2/leads/update\"")
                .contains("commandBus_failureCounter_total{payloadType=\"UpdateLeadCommand\"}")
                .contains("eventProcessor_latency{processorName=\"status-durations\"}")
                .contains("leads_processor_claimed_segments{processor=\"status-durations\"}")
                .contains("leads_dead_letters{processing_group=\"status-durations\"} 0.0");
        assertThat(scrape).doesNotContain(admin);
    }

    @Test
    void commandsQueriesAndEventsAreMeasuredWithoutTheCapacityGaugesThatKeepAMinuteOfThem() throws Exception {
        applied(update(newLead(), "description", "counted"));

        String scrape = scrape();

        assertThat(scrape).contains("eventProcessor_successCounter_total{payloadType=\"FieldChanged\"",
                        "commandBus_successCounter_total{payloadType=\"UpdateLeadCommand\"}",
                        "queryBus_successCounter_total{")
                .doesNotContain("commandBus_capacity", "queryBus_capacity", "eventProcessor_capacity");
    }

    @Test
    void signInFailuresThrottlingAndOpenStreamsAreCounted() throws Exception {
        double failures = value("leads_sign_in_failures_total");
        double throttled = value("leads_sign_in_throttled_total");
        String user = anotherUser();
        for (int attempt = 0; attempt < 5; attempt++) {
            signIn(anotherAddress(), user, "not the password").fails("INVALID_CREDENTIALS", 401);
        }
        signIn(anotherAddress(), user, "not the password").fails("TOO_MANY_ATTEMPTS", 429);

        assertThat(value("leads_sign_in_failures_total")).isEqualTo(failures + 5);
        assertThat(value("leads_sign_in_throttled_total")).isEqualTo(throttled + 1);
        double streams = value("leads_change_feed_streams");
        try (EventStream ignored = new EventStream(uri("/leads/changes?token=" + admin), null)) {
            assertThat(value("leads_change_feed_streams")).isEqualTo(streams + 1);
        }
    }

    @Test
    void noOtherActuatorEndpointIsOpen() throws Exception {
        for (String endpoint : new String[]{"env", "beans", "configprops", "heapdump", "threaddump", "metrics"}) {
            assertThat(actuator(endpoint).statusCode()).as(endpoint).isEqualTo(404);
        }
        assertThat(actuator("health/readiness").statusCode()).isEqualTo(200);
    }

    private double value(String metric) throws Exception {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(metric) + " (\\S+)$").matcher(scrape());
        assertThat(line.find()).as("%s in the scrape", metric).isTrue();
        return Double.parseDouble(line.group(1));
    }

    private String scrape() throws IOException, InterruptedException {
        HttpResponse<String> response = actuator("prometheus");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private HttpResponse<String> actuator(String endpoint) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/" + endpoint))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
