package com.crm.leads.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service killed with SIGKILL in the middle of a load of updates (once it has acknowledged a few hundred), started
 * again on the same store, three times over: every update it answered OK is still there, at the version it answered, whole, and the read model equals
 * the fold of the events. Calls in flight at the kill got no answer and may land either way.
 */
class KillUnderLoadIT {

    private static final int ROUNDS = 3;
    private static final int CLIENTS = 8;
    private static final int LEADS = 20;
    /** Updates the service acknowledges in each round before it is killed, still under load. */
    private static final int ACKNOWLEDGED_BEFORE_KILL = 200;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void onH2NothingAcknowledgedIsLost(@TempDir Path dataDir) {
        killRounds(new ServiceProcess("kill-h2", List.of("--leads.data-dir=" + dataDir)), "dev-password");
    }

    @Test
    void onPostgresNothingAcknowledgedIsLost() {
        try (PostgresDatabase database = new PostgresDatabase()) {
            killRounds(new ServiceProcess("kill-postgres", database.settings()), PostgresDatabase.PASSWORD);
        }
    }

    private void killRounds(ServiceProcess service, String password) {
        try (service) {
            ServiceClient client = service.start().client(json, password);
            String token = client.token();
            List<String> leads = UpdateLoad.createLeads(client, token, LEADS);
            List<UpdateLoad.Acknowledged> ledger = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                UpdateLoad load = new UpdateLoad(client, token, leads, CLIENTS, "round" + round);
                try (load) {
                    load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_KILL, Duration.ofMinutes(2));
                    service.kill();
                }
                assertThat(load.refused()).as("updates refused in round %d", round).isEmpty();
                ledger.addAll(load.acknowledged());
                System.out.printf("%s round %d: %d updates acknowledged, %d unanswered at the kill%n", service, round,
                        load.acknowledged().size(), load.unanswered());
                service.start();
                UpdateLoad.assertLedgerKept(client, token, leads, ledger);
            }
        }
    }
}
