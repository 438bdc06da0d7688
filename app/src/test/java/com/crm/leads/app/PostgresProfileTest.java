package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The production profile on the machine's real PostgreSQL: the schema Flyway makes, and the service on it. */
class PostgresProfileTest {

    private static final String DEVELOPMENT_PASSWORDS_REFUSED = "The catalogue's users MPAdministrator, mariosmtest,"
            + " supervisor still have the development password: the service does not start on this database until"
            + " each has a password of its own.";

    private static PostgresDatabase database;

    @BeforeAll
    static void aDatabaseOfItsOwn() {
        database = new PostgresDatabase();
    }

    @AfterAll
    static void dropIt() {
        database.close();
    }

    @Test
    void everyPayloadMetadataAndTokenColumnIsByteaAndTheGlobalIndexStepsByOne() {
        database.start().close();

        List<String> binaryColumns = database.jdbc().queryForList("SELECT table_name || '.' || column_name || ' '"
                + " || data_type FROM information_schema.columns WHERE column_name IN ('payload', 'meta_data',"
                + " 'token', 'serialized_saga', 'diagnostics') ORDER BY 1", String.class);
        assertThat(binaryColumns).containsExactly(
                "dead_letter_entry.diagnostics bytea", "dead_letter_entry.meta_data bytea",
                "dead_letter_entry.payload bytea", "dead_letter_entry.token bytea",
                "domain_event_entry.meta_data bytea", "domain_event_entry.payload bytea",
                "saga_entry.serialized_saga bytea", "snapshot_event_entry.meta_data bytea",
                "snapshot_event_entry.payload bytea", "token_entry.token bytea");
        assertThat(database.jdbc().queryForObject("SELECT increment_by FROM pg_sequences"
                + " WHERE sequencename = 'domain_event_entry_seq'", Long.class)).isEqualTo(1);
        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class))
                .as("large objects").isZero();
    }

    @Test
    void theServiceCreatesUpdatesAndShowsLeadsOnPostgresAndKeepsThemAcrossARestart() {
        ConfigurableApplicationContext first = database.start();
        ServiceClient client = PostgresDatabase.client(first);
        String token = client.token();
        JsonNode lead = client.createLead(token, Map.of("description", "kept in PostgreSQL"));
        JsonNode updated = client.post("/leads/update", client.updateOf(token, lead)
                .put("contact_email", "pg@example.com").put("request_id", "pg-1")).ok().data();
        JsonNode history = client.get("/leads/history", Map.of("token", token,
                "lead_identifier", "number=" + lead.path("number").asText())).ok().body();
        first.close();

        ServiceClient again = PostgresDatabase.client(database.start());
        String newToken = again.token();
        assertThat(again.show(newToken, lead).ok().data()).isEqualTo(updated);
        assertThat(again.get("/leads/history", Map.of("token", newToken,
                "lead_identifier", "number=" + lead.path("number").asText())).ok().body()).isEqualTo(history);
        assertThat(again.post("/leads/update", again.updateOf(newToken, lead)
                .put("contact_email", "pg@example.com").put("request_id", "pg-1")).ok().data())
                .as("a retry after the restart").isEqualTo(updated);
    }

    @Test
    void theProductionProfileRefusesTheDevelopmentPasswords() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LeadServiceApplication.class).run(
                "--spring.profiles.active=postgres", "--server.port=0", "--logging.level.root=OFF",
                "--spring.datasource.url=" + database.url()))
                .hasRootCauseMessage(DEVELOPMENT_PASSWORDS_REFUSED);
    }

    @Test
    void theDefaultProfilePointedAtPostgresRefusesTheDevelopmentPasswordsToo() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(LeadServiceApplication.class).run(
                "--server.port=0", "--logging.level.root=OFF", "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=postgres", "--spring.datasource.password="))
                .hasRootCauseMessage(DEVELOPMENT_PASSWORDS_REFUSED);
    }

    /**
     * The guard judges the passwords users sign in with: one a user changed in the database counts, not the
     * catalogue's hash it replaced. The catalogue here still gives everyone the development password.
     */
    @Test
    void theGuardSeesPasswordsChangedInTheDatabase() {
        try (ConfigurableApplicationContext instance = database.start()) {
            ServiceClient client = PostgresDatabase.client(instance);
            for (String username : List.of("mariosmtest", "supervisor")) {
                client.post("/authentication/password", Map.of("token", client.token(username),
                        "old_password", PostgresDatabase.PASSWORD, "new_password", "a password of " + username)).ok();
            }
        }
        try {
            assertThatThrownBy(() -> new SpringApplicationBuilder(LeadServiceApplication.class).run(
                    "--spring.profiles.active=postgres", "--server.port=0", "--logging.level.root=OFF",
                    "--spring.datasource.url=" + database.url()))
                    .hasRootCauseMessage("The catalogue's users MPAdministrator still have the development password: "
                            + "the service does not start on this database until each has a password of its own.");
        } finally {
            // the other tests here, and in CI the other classes on the run's database, sign in as the catalogue says
            database.jdbc().update("DELETE FROM user_password");
        }
    }
}
