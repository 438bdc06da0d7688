package com.crm.leads.app;

import com.crm.leads.app.SlowConnections.Pace;
import com.crm.leads.app.SlowConnections.Received;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 10, item 4: slow or idle connections cannot take the service from others (decision 15). Raw connections
 * that send a request's headers or body a byte a second, or no body at all, hold no request thread: a normal
 * client meanwhile gets its answers as usual, and a body that has not arrived within
 * {@code leads.request-body-deadline} (10 s) is refused with 408 in the envelope and its connection closed.
 */
class SlowClientsApiTest extends ApiTest {

    /** Five times Tomcat's request threads. */
    private static final int SLOW_CONNECTIONS = 1_000;

    /** Tomcat's request threads, as the service leaves them. */
    private static final int TOMCAT_THREADS = 200;

    /** A normal call answers in milliseconds; while slow bodies held every request thread it waited about 30 s. */
    private static final Duration PATIENCE = Duration.ofSeconds(5);

    @Test
    void aThousandSlowConnectionsLeaveANormalClientItsAnswers() {
        try (SlowConnections slow = SlowConnections.open(port, SLOW_CONNECTIONS)) {
            callsOfANormalClient(30);

            List<Received> connections = slow.received();
            assertThat(connections).as("the slow connections once the normal client was answered").hasSize(SLOW_CONNECTIONS)
                    .allSatisfy(connection -> assertThat(waiting(connection) || refusedAtTheDeadline(connection))
                            .as("still waiting, or refused when its time was up: %s", connection).isTrue());
            assertThat(connections.stream().filter(connection -> connection.pace() != Pace.HEADERS_BYTE_A_SECOND)
                    .filter(SlowClientsApiTest::waiting).count())
                    .as("slow bodies still open, more than the server has request threads")
                    .isGreaterThan(TOMCAT_THREADS);
        }
    }

    @Test
    void aBodyThatHasNotArrivedWithinTheDeadlineIsRefusedWith408AndItsConnectionClosed() throws Exception {
        try (SlowConnections slow = SlowConnections.open(port, 30)) {
            List<Received> refused = slow.awaitClosed(Duration.ofSeconds(25), Pace.BODY_BYTE_A_SECOND, Pace.NO_BODY);

            assertThat(refused).hasSize(20).allSatisfy(connection -> {
                assertThat(connection.closed()).as("closed by the service: %s", connection).isTrue();
                assertThat(connection.text()).startsWith("HTTP/1.1 408 ").contains("Connection: close");
                JsonNode body = json.readTree(connection.text().substring(connection.text().indexOf("\r\n\r\n")));
                assertThat(body.path("status").path("code").asText()).isEqualTo("MALFORMED_REQUEST");
                assertThat(body.get("data").isNull()).isTrue();
                if (connection.pace() == Pace.BODY_BYTE_A_SECOND) {
                    assertThat(body.path("status").path("message").asText())
                            .isEqualTo("the request body did not arrive within 10 s");
                }
            });
        }
    }

    /** The figures of decision 15. */
    @Test
    @Tag("benchmark")
    void latencyOfANormalClientWithAndWithoutAThousandSlowConnections() {
        callsOfANormalClient(200);
        System.out.println("without slow connections: " + percentiles(callsOfANormalClient(200)));
        try (SlowConnections slow = SlowConnections.open(port, SLOW_CONNECTIONS)) {
            System.out.println("with " + SLOW_CONNECTIONS + " slow connections: "
                    + percentiles(callsOfANormalClient(200)));
        }
    }

    private static boolean waiting(Received connection) {
        return !connection.closed() && connection.text().isEmpty();
    }

    private static boolean refusedAtTheDeadline(Received connection) {
        return connection.pace() != Pace.HEADERS_BYTE_A_SECOND && connection.text().startsWith("HTTP/1.1 408 ");
    }

    /** Calls {@code catalogue/statuses} that many times, one after the other, and answers how long each took (ms). */
    private double[] callsOfANormalClient(int calls) {
        double[] milliseconds = new double[calls];
        for (int i = 0; i < calls; i++) {
            long started = System.nanoTime();
            send(HttpRequest.newBuilder(uri("/catalogue/statuses?token=" + admin)).timeout(PATIENCE).GET()).ok();
            milliseconds[i] = (System.nanoTime() - started) / 1e6;
        }
        return milliseconds;
    }

    private static String percentiles(double[] milliseconds) {
        double[] sorted = milliseconds.clone();
        Arrays.sort(sorted);
        return String.format("p50 %.1f ms, p99 %.1f ms, max %.1f ms over %d calls",
                sorted[sorted.length / 2], sorted[(int) Math.ceil(sorted.length * 0.99) - 1],
                sorted[sorted.length - 1], sorted.length);
    }
}
