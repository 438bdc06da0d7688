package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The default set-up keeps leads in a file: a restarted service answers exactly as before. */
class RestartTest {

    /** Migrations that changed what a store keeps, with what undoes each: the latest first. */
    private static final List<Migration> LATEST_FIRST = List.of(
            new Migration("'16'", "ALTER TABLE lead_view ALTER COLUMN state SET DATA TYPE CHARACTER LARGE OBJECT",
                    "ALTER TABLE lead_view_rebuild ALTER COLUMN state SET DATA TYPE CHARACTER LARGE OBJECT",
                    "ALTER TABLE lead_checkpoint ALTER COLUMN state SET DATA TYPE CHARACTER LARGE OBJECT",
                    "ALTER TABLE lead_checkpoint_rebuild ALTER COLUMN state SET DATA TYPE CHARACTER LARGE OBJECT"),
            new Migration("'15'", "ALTER TABLE lead_history_entry DROP COLUMN reverted_to",
                    "ALTER TABLE lead_history_entry_rebuild DROP COLUMN reverted_to"),
            new Migration("'14'", "DROP TABLE catalogue_revision", "DROP TABLE catalogue_change"),
            new Migration("'13'", "DROP TABLE catalogue_entry", "DROP TABLE catalogue_organisation"),
            new Migration("'12'", "DROP TABLE sign_in_failures", "DROP TABLE user_password",
                    "DROP INDEX access_token_user"),
            new Migration("'11'", "ALTER TABLE lead_view DROP COLUMN privacy_level_id",
                    "ALTER TABLE lead_view_rebuild DROP COLUMN privacy_level_id"),
            new Migration("'6', '7', '8'", "DROP TABLE lead_history_entry, lead_history_entry_rebuild, "
                    + "lead_checkpoint, lead_checkpoint_rebuild"));

    private record Migration(String versions, String... undo) {
    }

    @TempDir
    Path dataDir;

    @Test
    void aRestartedServiceKeepsEveryLeadWithTheSameAnswerAndVersion() {
        ObjectNode before = runService(client -> {
            String token = client.token();
            JsonNode lead = client.createLead(token, Map.of("description", "survives a restart"));
            ObjectNode update = client.updateOf(token, lead);
            update.put("contact_email", "restart@example.com");
            update.set("status_identifier", client.mapper().createObjectNode().put("name", "Qualified"));
            client.post("/leads/update", update).ok();
            ObjectNode answers = client.mapper().createObjectNode();
            answers.set("new", client.show(token, lead).ok().data());
            answers.set("69", client.get("/leads/show", Map.of("token", token, "lead_identifier", "number=69"))
                    .ok().data());
            return answers;
        });

        ObjectNode after = runService(client -> {
            String token = client.token();
            ObjectNode answers = client.mapper().createObjectNode();
            answers.set("new", client.show(token, before.get("new")).ok().data());
            answers.set("69", client.get("/leads/show", Map.of("token", token, "lead_identifier", "number=69"))
                    .ok().data());
            return answers;
        });

        assertThat(before.get("new").path("contact_email").asText()).isEqualTo("restart@example.com");
        assertThat(before.get("new").path("version").asLong()).isPositive();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aStoreKeptBeforeTheHistoryTablesGetsTheHistoryAndPastOfItsLeadsWhenTheServiceStarts() throws Exception {
        ObjectNode before = runService(client -> {
            String token = client.token();
            JsonNode lead = client.createLead(token, Map.of("description", "kept before the history"));
            for (int call = 1; call <= 4; call++) {
                ObjectNode update = client.updateOf(token, lead);
                update.put("description", "call " + call);
                client.post("/leads/update", update).ok();
            }
            return historyAndPast(client, token, lead);
        });
        // the store as the version before the history tables left it
        keptBefore("'6', '7', '8'");

        ObjectNode after = runService(client -> historyAndPast(client, client.token(), before.get("lead")));

        assertThat(before.get("history").size()).isGreaterThan(10);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void aStoreKeptBeforePrivacyLevelsKeepsEachLeadClosedToWhoMayNotSeeItWhenTheServiceStarts() throws Exception {
        ObjectNode made = runService(client -> {
            ObjectNode leads = client.mapper().createObjectNode();
            for (String level : new String[]{"Public", "Group"}) {
                leads.set(level, client.createLead(client.token(), Map.of("contact_email", "kept@example.com",
                        "privacy_level_identifier", Map.of("name", level))));
            }
            return leads;
        });
        // the store as the version before privacy levels left it
        keptBefore("'11'");

        ObjectNode seen = runService(client -> {
            String salesUnit = client.post("/authentication/token", Map.of("username", "supervisor",
                    "password", "dev-password", "organisation", "CRM", "unit", Map.of("name", "Sales Unit")))
                    .ok().data().path("token").asText();
            ObjectNode answers = client.mapper().createObjectNode();
            ArrayNode listed = answers.putArray("listed");
            client.get("/leads/list", Map.of("token", salesUnit, "search_value", "kept@example.com")).ok().data()
                    .forEach(lead -> listed.add(lead.path("id")));
            answers.put("group shown", client.show(salesUnit, made.get("Group")).code());
            return answers;
        });

        assertThat(seen.get("listed")).containsExactly(made.get("Public").get("id"));
        assertThat(seen.get("group shown").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void aStoreKeptBeforeTheCatalogueTablesImportsTheFileAndKeepsTheChangedPasswordsWhenTheServiceStarts()
            throws Exception {
        String changedPassword = "the supervisor's own password";
        ObjectNode before = runService(client -> {
            String token = client.token("supervisor");
            client.post("/authentication/password", Map.of("token", token, "old_password", "dev-password",
                    "new_password", changedPassword)).ok();
            ObjectNode answers = client.mapper().createObjectNode();
            answers.set("lead", client.createLead(client.token(), Map.of("description", "kept before the catalogue")));
            return answers;
        });
        // the store as the version that read the catalogue file at every start left it
        keptBefore("'13'");

        ObjectNode after = runService(client -> {
            ObjectNode answers = client.mapper().createObjectNode();
            answers.put("changed password", signIn(client, changedPassword));
            answers.put("development password", signIn(client, "dev-password"));
            String token = client.token();
            answers.set("lead", client.show(token, before.get("lead")).ok().data());
            answers.set("contacts", client.get("/catalogue/contacts", Map.of("token", token)).ok().data());
            return answers;
        });

        assertThat(after.get("changed password").asText()).isEqualTo("OK");
        assertThat(after.get("development password").asText()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(after.get("lead")).isEqualTo(before.get("lead"));
        assertThat(after.get("contacts")).extracting(contact -> contact.path("id").asText())
                .containsExactlyInAnyOrder(DefaultCatalogue.FILIPPOS_ID, DefaultCatalogue.KOKOS_ID,
                        DefaultCatalogue.LIONEL_MESSI_ID);
    }

    private static String signIn(ServiceClient client, String password) {
        return client.post("/authentication/token", Map.of("username", "supervisor", "password", password,
                "organisation", "CRM")).code();
    }

    /** Takes the store back to before the migrations {@code versions} names: undoes them and every later one. */
    private void keptBefore(String versions) throws SQLException {
        try (Connection store = DriverManager.getConnection("jdbc:h2:file:" + dataDir + "/leads", "sa", "");
             Statement statement = store.createStatement()) {
            for (Migration migration : LATEST_FIRST) {
                for (String undo : migration.undo()) {
                    statement.execute(undo);
                }
                statement.execute("DELETE FROM \"flyway_schema_history\" WHERE \"version\" IN ("
                        + migration.versions() + ")");
                if (migration.versions().equals(versions)) {
                    return;
                }
            }
        }
        throw new IllegalArgumentException("no migration " + versions + " to undo");
    }

    /** The lead's whole history, and the lead as of each of its versions. */
    private static ObjectNode historyAndPast(ServiceClient client, String token, JsonNode lead) {
        ObjectNode answers = client.mapper().createObjectNode();
        JsonNode now = client.show(token, lead).ok().data();
        answers.set("lead", now);
        answers.set("history", client.get("/leads/history", Map.of("token", token,
                "lead_identifier", "id=" + lead.path("id").asText(), "records_per_page", "1000")).ok().data());
        for (int version = 0; version <= now.path("version").asInt(); version++) {
            answers.set("as of " + version, client.get("/leads/show", Map.of("token", token,
                    "lead_identifier", "id=" + lead.path("id").asText(), "as_of_version", String.valueOf(version)))
                    .ok().data());
        }
        return answers;
    }

    private ObjectNode runService(Function<ServiceClient, ObjectNode> calls) {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LeadServiceApplication.class)
                .run("--server.port=0", "--leads.data-dir=" + dataDir, "--logging.level.root=WARN",
                        "--leads.checkpoint-interval=3")) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            return calls.apply(ServiceClient.on(port, service.getBean(ObjectMapper.class)));
        }
    }
}
