package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL stopped in the middle of a load of updates, and started again a few seconds later. While it is down,
 * every call answers within seconds with 503 {@code UNAVAILABLE} and {@code Retry-After}; readiness says DOWN and
 * liveness UP. Once it is back the service takes calls again by itself, nothing it acknowledged is lost, and the
 * pooled projections catch up on every event without a dead letter.
 */
class DatabaseOutageIT {

    private static final int CLIENTS = 8;
    private static final Duration SOON = Duration.ofSeconds(10);
    /** Said by the issue: "within about 2 s"; what the test allows a refused call, beside a loaded machine. */
    private static final Duration FAIL_FAST = Duration.ofSeconds(4);

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void callsFailFastWhileTheDatabaseIsDownAndTheServiceResumesWithNothingLost() {
        try (PrivatePostgres postgres = new PrivatePostgres();
             ServiceProcess service = new ServiceProcess("outage-postgres", PostgresDatabase.settings(postgres.url(),
                     CatalogueFiles.withPassword(PostgresDatabase.PASSWORD)))) {
            ServiceClient client = service.start().client(json, PostgresDatabase.PASSWORD);
            String token = client.token();
            List<String> leads = UpdateLoad.createLeads(client, token, 10);
            UpdateLoad load = new UpdateLoad(client, token, leads, CLIENTS, "outage");
            try (load) {
                load.awaitAcknowledged(100, Duration.ofMinutes(2));
                postgres.stop();
                Instant down = Instant.now();
                await("readiness DOWN", () -> service.actuator("/actuator/health/readiness", SOON) == 503);
                System.out.printf("readiness DOWN %d ms after the database stopped%n",
                        Duration.between(down, Instant.now()).toMillis());
                assertThat(service.actuator("/actuator/health/liveness", SOON)).as("liveness").isEqualTo(200);
                ServiceProcess.pause(Duration.ofSeconds(4));
                int acknowledgedBeforeReturn = load.acknowledged().size();
                postgres.start();
                Instant up = Instant.now();
                await("readiness UP", () -> service.actuator("/actuator/health/readiness", SOON) == 200);
                await("updates acknowledged again", () -> load.acknowledged().size() > acknowledgedBeforeReturn);
                System.out.printf("updates acknowledged again %d ms after the database started%n",
                        Duration.between(up, Instant.now()).toMillis());
                ServiceProcess.pause(Duration.ofSeconds(2));
            }

            List<UpdateLoad.Refused> refused = load.refused();
            System.out.printf("%d updates acknowledged, %d refused (slowest %d ms), %d unanswered%n",
                    load.acknowledged().size(), refused.size(),
                    refused.stream().mapToLong(r -> r.took().toMillis()).max().orElse(0), load.unanswered());
            assertThat(refused).as("calls refused during the outage").isNotEmpty().allSatisfy(call -> {
                assertThat(call.status()).isEqualTo(503);
                assertThat(call.code()).isEqualTo("UNAVAILABLE");
                assertThat(call.retryAfter()).isNotBlank();
                assertThat(call.took()).isLessThan(FAIL_FAST);
            });
            assertThat(load.unanswered()).as("calls that got no answer at all").isZero();
            UpdateLoad.assertLedgerKept(client, token, leads, load.acknowledged());
            for (String number : leads) {
                long statusesTaken = UpdateLoad.LeadHistory.of(client, token, number).statusesTaken();
                await("status durations of lead " + number + " caught up",
                        () -> staysIn(client.get("/leads/status_durations", Map.of("token", token,
                                "lead_identifier", "number=" + number)).ok().data()) == statusesTaken);
            }
            assertThat(client.get("/admin/dead_letters", Map.of("token", token)).ok().data()).as("dead letters")
                    .isEmpty();
        }
    }

    /** How many stays the status durations count in all: one per status a lead took. */
    private static long staysIn(JsonNode durations) {
        long stays = 0;
        for (JsonNode status : durations.path("statuses")) {
            stays += status.path("stays").asLong();
        }
        return stays;
    }

    /** Waits, up to a minute, for what the service must come to by itself. */
    private static void await(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(condition::getAsBoolean);
    }
}
