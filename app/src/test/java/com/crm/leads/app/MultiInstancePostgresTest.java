package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production topology on the machine's PostgreSQL: two instances of the service on one database, as
 * docker-compose.yml runs them behind a load balancer. Clients race through both; nothing acknowledged is lost,
 * both instances answer the same, a read on one right after a write on the other shows the write, and the pooled
 * processors split their segments between the instances.
 */
class MultiInstancePostgresTest {

    private static PostgresDatabase database;
    private static ServiceClient first;
    private static ServiceClient second;

    @BeforeAll
    static void twoInstancesOnOneDatabase() {
        database = new PostgresDatabase();
        String[] shareSegments = {"--leads.processor-segments=4", "--leads.max-claimed-segments=2"};
        first = PostgresDatabase.client(database.start(shareSegments));
        second = PostgresDatabase.client(database.start(shareSegments));
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void clientsRacingThroughBothInstancesLoseNothingAndBothInstancesAnswerTheSame() throws Exception {
        String token = first.token();
        List<JsonNode> leads = new ArrayList<>();
        for (int lead = 0; lead < 3; lead++) {
            leads.add(first.createLead(token, Map.of()));
        }

        for (JsonNode lead : leads) {
            LeadRace.run(first, second, token, lead);
        }

        for (JsonNode lead : leads) {
            LeadRace.assertNothingLost(first, token, lead);
            assertThat(second.show(token, lead).ok().data()).isEqualTo(first.show(token, lead).ok().data());
        }
    }

    @Test
    void aReadOnOneInstanceRightAfterAWriteOnTheOtherShowsTheWrite() {
        String token = second.token();
        JsonNode lead = second.createLead(token, Map.of());

        for (int round = 0; round < 20; round++) {
            ServiceClient writer = round % 2 == 0 ? first : second;
            ServiceClient reader = round % 2 == 0 ? second : first;
            JsonNode written = writer.post("/leads/update", writer.updateOf(token, lead)
                    .put("description", "round " + round)).ok().data();
            assertThat(reader.show(token, lead).ok().data()).isEqualTo(written);
        }
    }

    /**
     * An instance that last saw a lead won, and so closed to updates, takes an update once the other instance has
     * reopened it: a refusal is judged by the lead as stored, not as this instance kept it.
     */
    @Test
    void aLeadTheOtherInstanceReopenedTakesAnUpdate() {
        String token = first.token();
        JsonNode lead = first.createLead(token, Map.of());
        ObjectNode toWon = first.updateOf(token, lead);
        toWon.set("status_identifier", first.mapper().createObjectNode().put("name", "Won"));
        first.post("/leads/update", toWon).ok();

        ObjectNode reopen = second.body(token);
        reopen.set("lead_identifier", second.mapper().createObjectNode().put("number", lead.path("number").asText()));
        reopen.set("status_identifier", second.mapper().createObjectNode().put("name", "New"));
        second.post("/leads/reopen", reopen.put("reason", "the customer came back")).ok();

        JsonNode updated = first.post("/leads/update", first.updateOf(token, lead).put("description", "open again"))
                .ok().data();
        assertThat(updated.path("description").asText()).isEqualTo("open again");
    }

    /**
     * Each instance judges a call by the lead as stored, not as it last saw it: the version the other instance
     * answered is the current one (a lead kept in memory by one instance would call it out of date).
     */
    @Test
    void anUpdateNamingTheVersionTheOtherInstanceAnsweredIsApplied() {
        String token = first.token();
        JsonNode lead = first.createLead(token, Map.of());
        long version = first.show(token, lead).ok().data().path("version").asLong();

        for (int round = 0; round < 6; round++) {
            ServiceClient writer = round % 2 == 0 ? first : second;
            JsonNode written = writer.post("/leads/update", writer.updateOf(token, lead)
                    .put("description", "round " + round).put("expected_version", version)).ok().data();
            assertThat(written.path("version").asLong()).isEqualTo(version + 1);
            version = written.path("version").asLong();
        }
    }

    @Test
    void thePooledProcessorsSplitTheirSegmentsBetweenTheInstances() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        List<Map<String, Object>> claims = List.of();
        while (System.currentTimeMillis() < deadline) {
            claims = database.jdbc().queryForList("SELECT owner, COUNT(*) AS segments FROM token_entry"
                    + " WHERE processor_name = 'status-durations' AND owner IS NOT NULL GROUP BY owner");
            // an instance claims its segments one by one: wait for the split, not just for a second owner
            if (claims.size() == 2 && claims.stream()
                    .allMatch(owner -> ((Number) owner.get("segments")).intValue() == 2)) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(claims).as("the owners of status-durations' segments").hasSize(2)
                .allSatisfy(owner -> assertThat(((Number) owner.get("segments")).intValue()).isEqualTo(2));
    }

    @Test
    void aRebuildWhileTheOtherInstanceRunsRebuildsTheLeadsAndSaysWhatItCouldNotReplay() {
        String token = first.token();
        JsonNode lead = first.createLead(token, Map.of("description", "before the rebuild"));
        JsonNode before = second.show(token, lead).ok().data();

        JsonNode report = first.post("/admin/rebuild", first.body(token)).ok().data();

        assertThat(report.path("leads").asInt()).isPositive();
        assertThat(report.path("not_replayed").path("status-durations").asText()).contains("other instances");
        assertThat(second.show(token, lead).ok().data()).isEqualTo(before);
    }

    /**
     * Each instance keeps catalogue entries in memory, and a change made on the other is in the very next answer:
     * a renamed competitor on the lead that holds it, a deactivated one refused, a new contact found by name.
     */
    @Test
    void aCatalogueChangeOnOneInstanceIsInTheOthersVeryNextAnswer() {
        String token = first.token();
        String name = "competitor of " + System.nanoTime();
        JsonNode competitor = first.post("/catalogue/competitors/create", first.body(token).put("name", name)).ok()
                .data();
        ObjectNode add = first.createRequest(token);
        add.set("competitors_set", first.mapper().valueToTree(List.of(Map.of("action", "add",
                "competitor_identifier", Map.of("id", competitor.path("id").asText())))));
        JsonNode lead = second.post("/leads/create", add).ok().data();

        for (int round = 0; round < 10; round++) {
            ServiceClient writer = round % 2 == 0 ? first : second;
            ServiceClient reader = round % 2 == 0 ? second : first;
            // the reader has the competitor in memory, as it was before this round's change
            assertThat(reader.show(token, lead).ok().data().path("competitors_set").toString()).contains(name);
            name = name + " " + round;
            ObjectNode rename = writer.body(token).put("name", name);
            rename.set("identifier", writer.mapper().createObjectNode().put("id", competitor.path("id").asText()));
            writer.post("/catalogue/competitors/update", rename).ok();
            assertThat(reader.show(token, lead).ok().data().path("competitors_set").toString()).contains(name);
        }

        ObjectNode deactivate = first.body(token);
        deactivate.set("identifier", first.mapper().createObjectNode().put("name", name));
        first.post("/catalogue/competitors/deactivate", deactivate).ok();
        second.post("/leads/create", add).fails("INVALID_PARAMETER", 400);

        String contact = "contact of " + System.nanoTime();
        second.post("/catalogue/contacts/create", second.body(token).put("name", contact).put("type", "PERSON")).ok();
        ObjectNode forContact = first.createRequest(token);
        forContact.set("contact_information_identifier", first.mapper().createObjectNode().put("name", contact));
        first.post("/leads/create", forContact).ok();
    }

    /**
     * The counts of failed sign-ins are the database's: a client that spreads its guesses over both instances is
     * locked out after five as one that keeps to one instance is, and the lock holds on both, for the right
     * password too.
     */
    /** A stream open on one instance gets a change made through the other, within a few poll intervals. */
    @Test
    void aChangeMadeThroughOneInstanceReachesAStreamOpenOnTheOther() throws Exception {
        String token = first.token();
        JsonNode lead = first.createLead(token, Map.of());
        String leadIdentifier = URLEncoder.encode("number=" + lead.path("number").asText(), StandardCharsets.UTF_8);
        String position;
        try (EventStream stream = new EventStream(second.uri("/leads/changes?token=" + token + "&lead_identifier="
                + leadIdentifier), null)) {
            stream.next(event -> event.name().equals("heartbeat"), Duration.ofSeconds(10));

            first.post("/leads/update", first.updateOf(token, lead).put("description", "through the first")).ok();

            EventStream.Event change = stream.next(event -> event.name().equals("message"), Duration.ofSeconds(5));
            assertThat(change.data()).contains("through the first");
            position = change.id();
        }
        second.post("/leads/update", second.updateOf(token, lead).put("description", "through the second")).ok();
        JsonNode page = first.get("/leads/changes", Map.of("token", token, "after", position,
                "lead_identifier", "number=" + lead.path("number").asText())).ok().data();
        assertThat(page).extracting(change -> change.path("new_value").asText())
                .containsExactly("through the second");
    }

    @Test
    void theSixthWrongPasswordInARowForOneUsernameIsRefusedOnEitherInstance() {
        for (int failure = 1; failure <= 5; failure++) {
            ServiceClient instance = failure % 2 == 0 ? second : first;
            signInAsMarios(instance, "not-the-password").fails("INVALID_CREDENTIALS", 401);
        }

        for (ServiceClient instance : List.of(first, second)) {
            ServiceClient.Answer wrong = signInAsMarios(instance, "not-the-password").fails("TOO_MANY_ATTEMPTS", 429);
            ServiceClient.Answer right = signInAsMarios(instance, PostgresDatabase.PASSWORD).fails("TOO_MANY_ATTEMPTS", 429);
            assertThat(List.of(wrong, right)).allSatisfy(refused -> assertThat(Long.parseLong(
                    refused.response().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L));
        }
    }

    private static ServiceClient.Answer signInAsMarios(ServiceClient instance, String password) {
        return instance.post("/authentication/token", Map.of("username", "mariosmtest", "password", password,
                "organisation", "CRM"));
    }
}
