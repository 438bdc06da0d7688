package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.util.ArrayList;
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
        database = PostgresDatabase.ofItsOwn();
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

    /** A database the service meets for the first time is given the file's users: refused before it is touched. */
    @Test
    void theProductionProfileRefusesTheDevelopmentPasswords() {
        try (PostgresDatabase untouched = PostgresDatabase.ofItsOwn()) {
            assertThatThrownBy(() -> startWithTheDefaultCatalogue(untouched, "--spring.profiles.active=postgres"))
                    .hasRootCauseMessage(DEVELOPMENT_PASSWORDS_REFUSED);
            assertThat(untouched.jdbc().queryForList("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = 'public'", String.class)).as("tables made").isEmpty();
        }
    }

    @Test
    void theDefaultProfilePointedAtPostgresRefusesTheDevelopmentPasswordsToo() {
        try (PostgresDatabase untouched = PostgresDatabase.ofItsOwn()) {
            assertThatThrownBy(() -> startWithTheDefaultCatalogue(untouched,
                    "--spring.datasource.username=postgres", "--spring.datasource.password="))
                    .hasRootCauseMessage(DEVELOPMENT_PASSWORDS_REFUSED);
        }
    }

    /**
     * Once the catalogue is in the database, the guard judges its users by the passwords they sign in with there:
     * a catalogue file that still has the development passwords is read no more, and a user whose stored password
     * is the development one is refused whatever the file says.
     */
    @Test
    void theGuardJudgesTheDatabasesUsersNotTheFile() {
        try (PostgresDatabase imported = PostgresDatabase.ofItsOwn()) {
            imported.start().close();

            startWithTheDefaultCatalogue(imported, "--spring.profiles.active=postgres").close();
            imported.jdbc().update("UPDATE user_password SET password_hash = ? WHERE user_id = ?",
                    new BCryptPasswordEncoder().encode("dev-password"), DefaultCatalogue.ADMINISTRATOR_ID);

            assertThatThrownBy(() -> imported.start())
                    .hasRootCauseMessage("The catalogue's users MPAdministrator still have the development password: "
                            + "the service does not start on this database until each has a password of its own.");
        }
    }

    private static ConfigurableApplicationContext startWithTheDefaultCatalogue(PostgresDatabase database,
                                                                               String... settings) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=OFF",
                "--spring.datasource.url=" + database.url()));
        arguments.addAll(List.of(settings));
        return new SpringApplicationBuilder(LeadServiceApplication.class).run(arguments.toArray(String[]::new));
    }
}
