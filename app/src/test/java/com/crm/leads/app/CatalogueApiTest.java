package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue while the service runs (contract section 6): every method, rule and refusal. Other tests share the
 * database and its default entries, so each test makes entries of its own, named with a tag of its own, and changes
 * only those.
 */
class CatalogueApiTest extends ApiTest {

    private String tag;

    @BeforeEach
    void aTagOfThisTestsOwn() {
        tag = "cat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Answer create(String token, String kind, Object... fields) {
        return post("/catalogue/" + kind + "/create", body(token, fields));
    }

    private Answer change(String token, String kind, String method, JsonNode identifier, Object... fields) {
        ObjectNode body = body(token, fields);
        body.set("identifier", identifier);
        return post("/catalogue/" + kind + "/" + method, body);
    }

    private ObjectNode body(String token, Object... fields) {
        ObjectNode body = body(token);
        for (int i = 0; i < fields.length; i += 2) {
            body.set((String) fields[i], fields[i + 1] == null ? json.nullNode() : json.valueToTree(fields[i + 1]));
        }
        return body;
    }

    private ObjectNode byId(JsonNode entry) {
        return json.createObjectNode().put("id", entry.path("id").asText());
    }

    private ObjectNode byName(String name) {
        return json.createObjectNode().put("name", name);
    }

    private JsonNode competitor(String name) {
        return create(admin, "competitors", "name", name, "website", "https://" + tag + ".example.com").ok().data();
    }

    private JsonNode contact(String token, String name) {
        return create(token, "contacts", "type", "PERSON", "name", name, "first_name", "First",
                "last_name", name).ok().data();
    }

    private List<JsonNode> list(String kind, Map<String, String> parameters) {
        Map<String, String> query = new HashMap<>(parameters);
        query.put("token", admin);
        List<JsonNode> entries = new ArrayList<>();
        get("/catalogue/" + kind, query).ok().data().forEach(entries::add);
        return entries;
    }

    private List<JsonNode> history(String kind, String identifier) {
        List<JsonNode> rows = new ArrayList<>();
        get("/catalogue/" + kind + "/history", Map.of("token", admin, "identifier", identifier)).ok().data()
                .forEach(rows::add);
        return rows;
    }

    private ObjectNode leadWith(String token, String contactName) {
        ObjectNode request = createRequest(token);
        request.set("contact_information_identifier", byName(contactName));
        return request;
    }

    @Test
    void aCreatedEntryIsAnsweredWithAnIdOfItsOwnAndListed() {
        JsonNode created = competitor(tag);

        assertThat(created.path("id").asText()).matches("[0-9A-F]{32}");
        assertThat(created.path("name").asText()).isEqualTo(tag);
        assertThat(created.path("active").asBoolean()).isTrue();
        assertThat(list("competitors", Map.of("search_value", tag.toUpperCase()))).containsExactly(created);
    }

    @Test
    void anIdGivenIsKeptAndAnIdInUseOrMalformedIsRefused() {
        String id = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        assertThat(create(admin, "competitors", "id", id, "name", tag).ok().data().path("id").asText()).isEqualTo(id);

        assertThat(create(admin, "competitors", "id", id, "name", tag + "-2").fails("INVALID_PARAMETER", 400)
                .message()).contains("in use");
        assertThat(create(admin, "competitors", "id", "12345", "name", tag + "-3").fails("INVALID_PARAMETER", 400)
                .description()).isEqualTo("id");
        assertThat(list("competitors", Map.of("search_value", tag))).hasSize(1);
    }

    @Test
    void anUnknownFieldAValueOfTheWrongTypeOrAMissingNameIsRefusedAndNothingIsMade() {
        create(admin, "competitors", "name", tag, "colour", "red").fails("INVALID_PARAMETER", 400);
        create(admin, "competitors", "name", tag, "website", 42).fails("INVALID_PARAMETER", 400);
        assertThat(create(admin, "competitors", "website", tag).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("name");
        assertThat(create(admin, "statuses", "name", tag, "life_cycle_state", "MAYBE")
                .fails("INVALID_PARAMETER", 400).description()).isEqualTo("life_cycle_state");

        assertThat(list("competitors", Map.of("search_value", tag, "include_inactive", "true"))).isEmpty();
        assertThat(list("statuses", Map.of("search_value", tag, "include_inactive", "true"))).isEmpty();
    }

    @Test
    void anUnknownKindIsNotFound() {
        create(admin, "dragons", "name", tag).fails("NOT_FOUND", 404);
        get("/catalogue/dragons", Map.of("token", admin)).fails("NOT_FOUND", 404);
    }

    @Test
    void aNameAnotherActiveEntryHasIsRefusedButContactsMayShareOne() {
        competitor(tag);
        assertThat(create(admin, "competitors", "name", tag).fails("INVALID_PARAMETER", 400).description())
                .isEqualTo("name");

        contact(admin, tag);
        contact(admin, tag);
        assertThat(list("contacts", Map.of("search_value", tag))).hasSize(2);
    }

    @Test
    void aNameThatSeveralContactsHaveIsAmbiguousAndTheIdStillWorks() {
        contact(admin, tag);
        JsonNode second = contact(admin, tag);

        Answer refused = post("/leads/create", leadWith(admin, tag)).fails("INVALID_IDENTIFIER", 400);
        assertThat(refused.message()).contains("ambiguous");
        assertThat(refused.description()).isEqualTo("contact_information_identifier");

        ObjectNode byId = createRequest(admin);
        byId.set("contact_information_identifier", byId(second));
        assertThat(post("/leads/create", byId).ok().data().path("contact_information").path("id").asText())
                .isEqualTo(second.path("id").asText());
    }

    @Test
    void anUpdateChangesWhatItGivesKeepsWhatItLeavesOutAndNullClears() {
        JsonNode created = competitor(tag);

        JsonNode renamed = change(admin, "competitors", "update", byId(created), "name", tag + "-new",
                "description", "a rival").ok().data();
        assertThat(renamed.path("name").asText()).isEqualTo(tag + "-new");
        assertThat(renamed.path("website").asText()).isEqualTo(created.path("website").asText());
        assertThat(renamed.path("description").asText()).isEqualTo("a rival");

        JsonNode cleared = change(admin, "competitors", "update", byName(tag + "-new"), "website", null).ok().data();
        assertThat(cleared.path("website").isNull()).isTrue();
        assertThat(cleared.path("description").asText()).isEqualTo("a rival");
    }

    @Test
    void anUpdateThatClearsTheNameChangesTheIdOrNamesNothingIsRefusedAndChangesNothing() {
        JsonNode created = competitor(tag);

        change(admin, "competitors", "update", byId(created), "name", null).fails("INVALID_PARAMETER", 400);
        change(admin, "competitors", "update", byId(created), "id", "0".repeat(32)).fails("INVALID_PARAMETER", 400);
        change(admin, "competitors", "update", byName(tag + "-nobody"), "description", "x").fails("NOT_FOUND", 400);
        change(admin, "competitors", "update", json.createObjectNode().put("colour", "red"), "description", "x")
                .fails("INVALID_IDENTIFIER", 400);

        assertThat(list("competitors", Map.of("search_value", tag))).containsExactly(created);
        assertThat(history("competitors", "id=" + created.path("id").asText())).allMatch(row ->
                row.path("event").asText().equals("ENTRY_CREATED"));
    }

    @Test
    void aSalesRepRegistersAContactAndMakesALeadForThemButChangesNoCompetitor() {
        JsonNode contact = contact(supervisor, tag);
        JsonNode lead = post("/leads/create", leadWith(supervisor, tag)).ok().data();
        assertThat(lead.path("contact_information").path("id").asText()).isEqualTo(contact.path("id").asText());

        create(supervisor, "competitors", "name", tag).fails("FORBIDDEN", 403);
        JsonNode competitor = competitor(tag + "-c");
        change(supervisor, "competitors", "update", byId(competitor), "name", "x").fails("FORBIDDEN", 403);
        change(supervisor, "competitors", "deactivate", byId(competitor)).fails("FORBIDDEN", 403);
        assertThat(list("competitors", Map.of("search_value", tag + "-c"))).containsExactly(competitor);
    }

    @Test
    void aRenamedCompetitorShowsOnTheLeadByItsNewNameAndTheLeadsHistoryKeepsTheOld() {
        JsonNode competitor = competitor(tag);
        JsonNode lead = newLead(Map.of("competitors_set", List.of(Map.of("action", "add",
                "competitor_identifier", Map.of("name", tag)))));

        change(admin, "competitors", "update", byName(tag), "name", tag + "-renamed").ok();

        String shown = show(lead).ok().data().path("competitors_set").toString();
        assertThat(shown).contains(tag + "-renamed").contains(competitor.path("id").asText());
        assertThat(entries(lead).toString()).contains("\"" + tag + "\"").doesNotContain(tag + "-renamed");
    }

    @Test
    void anInactiveEntryStaysOnItsLeadsButNoLeadTakesItAnew() {
        JsonNode competitor = competitor(tag);
        JsonNode lead = newLead(Map.of("competitors_set", List.of(Map.of("action", "add",
                "competitor_identifier", Map.of("name", tag)))));

        JsonNode deactivated = change(admin, "competitors", "deactivate", byName(tag)).ok().data();
        assertThat(deactivated.path("active").asBoolean()).isFalse();

        assertThat(show(lead).ok().data().path("competitors_set").toString()).contains(tag);
        Answer refused = post("/leads/create", leadWith(admin, "Filippos Constantinou").set("competitors_set",
                json.valueToTree(List.of(Map.of("action", "add", "competitor_identifier", Map.of("name", tag))))))
                .fails("INVALID_PARAMETER", 400);
        assertThat(refused.message()).contains("inactive");
        assertThat(list("competitors", Map.of("search_value", tag))).isEmpty();
        assertThat(list("competitors", Map.of("search_value", tag, "include_inactive", "true")))
                .containsExactly(deactivated);

        JsonNode removed = post("/leads/update", update(lead, "competitors_set", List.of(Map.of("action", "remove",
                "lead_competitor_identifier", Map.of("competitor_identifier", byId(competitor)))))).ok().data();
        assertThat(removed.path("competitors_set").toString()).doesNotContain(tag);

        change(admin, "competitors", "activate", byId(competitor)).ok();
        newLead(Map.of("competitors_set", List.of(Map.of("action", "add",
                "competitor_identifier", Map.of("name", tag)))));
    }

    @Test
    void theNameOfAnInactiveEntryMayBeTakenAgainAndThenNamesTheActiveOne() {
        JsonNode old = competitor(tag);
        change(admin, "competitors", "deactivate", byId(old)).ok();
        JsonNode taken = competitor(tag);

        JsonNode lead = newLead(Map.of("competitors_set", List.of(Map.of("action", "add",
                "competitor_identifier", Map.of("name", tag)))));
        assertThat(lead.path("competitors_set").toString()).contains(taken.path("id").asText());

        assertThat(change(admin, "competitors", "activate", byId(old)).fails("INVALID_PARAMETER", 400).message())
                .contains(taken.path("id").asText());
    }

    @Test
    void everyChangeIsInTheEntrysHistoryWithWhoWhenOldAndNew() {
        JsonNode created = competitor(tag);
        change(admin, "competitors", "update", byId(created), "name", tag + "-2").ok();
        change(admin, "competitors", "deactivate", byId(created)).ok();

        List<JsonNode> rows = history("competitors", "id=" + created.path("id").asText());
        assertThat(rows).extracting(row -> row.path("event").asText()).containsExactly(
                "ENTRY_CREATED", "ENTRY_CREATED", "ENTRY_CREATED", "FIELD_CHANGED", "ENTRY_DEACTIVATED");
        JsonNode renamed = rows.get(3);
        assertThat(renamed.path("field").asText()).isEqualTo("name");
        assertThat(renamed.path("old_value").asText()).isEqualTo(tag);
        assertThat(renamed.path("new_value").asText()).isEqualTo(tag + "-2");
        assertThat(renamed.path("sequence_number").asLong()).isEqualTo(2);
        assertThat(renamed.path("performed_by_user").path("username").asText()).isEqualTo("MPAdministrator");
        assertThat(renamed.path("performed_by_unit").path("name").asText()).isEqualTo("Admin Unit");
        assertThat(renamed.path("performed_date").asText()).matches(DATE_FORMAT);
        assertThat(renamed.path("request_id").asText()).isNotEmpty();
        assertThat(rows.get(4).path("old_value").asText()).isEqualTo("true");
        assertThat(history("competitors", "name=" + tag + "-2")).isEqualTo(rows);
    }

    @Test
    void aContactsIdentityInItsHistoryIsForAdministratorsOnly() {
        JsonNode contact = create(supervisor, "contacts", "type", "PERSON", "name", tag, "demographics",
                Map.of("id_number", "ID-" + tag)).ok().data();
        String identifier = "id=" + contact.path("id").asText();

        assertThat(history("contacts", identifier).toString()).contains("ID-" + tag);
        assertThat(get("/catalogue/contacts/history", Map.of("token", supervisor, "identifier", identifier)).ok()
                .data().toString()).doesNotContain("ID-" + tag);
        assertThat(contact.toString()).doesNotContain("ID-" + tag);
    }

    @Test
    void aUsedStatusKeepsItsClassificationAndAnUnusedOneMayChangeIt() {
        JsonNode used = create(admin, "statuses", "name", tag, "life_cycle_state", "PENDING").ok().data();
        JsonNode unused = create(admin, "statuses", "name", tag + "-2", "life_cycle_state", "PENDING").ok().data();
        newLead(Map.of("status_identifier", Map.of("name", tag)));

        change(admin, "statuses", "update", byId(used), "life_cycle_state", "WON").fails("INVALID_PARAMETER", 400);
        change(admin, "statuses", "update", byId(used), "description", "still pending").ok();
        assertThat(change(admin, "statuses", "update", byId(unused), "life_cycle_state", "LOST").ok().data()
                .path("life_cycle_state").asText()).isEqualTo("LOST");
    }

    @Test
    void aNewUserSignsInWithTheirPasswordWhichIsNeverShownAndAnInactiveOneCannot() {
        String password = "a password of " + tag;
        JsonNode user = create(admin, "users", "username", tag, "person_name", "New Person", "password", password,
                "unit_ids", List.of("48305F8849E3C18B227C5BE3A27BA6DF"),
                "default_unit_id", "48305F8849E3C18B227C5BE3A27BA6DF", "administrator", false).ok().data();
        assertThat(user.has("password")).isFalse();
        assertThat(user.toString()).doesNotContain(password);
        Map<String, String> signIn = Map.of("username", tag, "password", password, "organisation", "CRM");
        String token = post("/authentication/token", signIn).ok().data().path("token").asText();
        get("/catalogue/statuses", Map.of("token", token)).ok();
        assertThat(history("users", "username=" + tag).toString()).doesNotContain(password).contains("\"password\"");

        change(admin, "users", "deactivate", json.createObjectNode().put("username", tag)).ok();

        get("/catalogue/statuses", Map.of("token", token)).fails("INVALID_TOKEN", 401);
        post("/authentication/token", signIn).fails("INVALID_CREDENTIALS", 401);
    }

    @Test
    void aUserNeedsAPasswordOfTwelveCharactersAndUnitsThatExist() {
        Object[] fields = {"username", tag, "unit_ids", List.of("48305F8849E3C18B227C5BE3A27BA6DF"),
                "default_unit_id", "48305F8849E3C18B227C5BE3A27BA6DF", "administrator", false};
        create(admin, "users", fields).fails("INVALID_PARAMETER", 400);
        create(admin, "users", with(fields, "password", "short")).fails("INVALID_PARAMETER", 400);
        create(admin, "users", with(fields, "password", "dev-password")).fails("INVALID_PARAMETER", 400);
        create(admin, "users", "username", tag, "password", "long enough password", "unit_ids", List.of("nowhere"),
                "default_unit_id", "nowhere", "administrator", false).fails("NOT_FOUND", 400);
        create(supervisor, "users", with(fields, "password", "long enough password")).fails("FORBIDDEN", 403);
        assertThat(list("users", Map.of("search_value", tag, "include_inactive", "true"))).isEmpty();
    }

    private static Object[] with(Object[] fields, Object... more) {
        Object[] all = new Object[fields.length + more.length];
        System.arraycopy(fields, 0, all, 0, fields.length);
        System.arraycopy(more, 0, all, fields.length, more.length);
        return all;
    }

    @Test
    void theListIsPagedAndFieldsSetKeepsTheFieldsNamed() {
        for (int i = 0; i < 3; i++) {
            competitor(tag + "-" + i);
        }
        Answer first = get("/catalogue/competitors", Map.of("token", admin, "search_value", tag,
                "records_per_page", "2", "fields_set", "name,active")).ok();
        assertThat(first.body().path("paging").path("total").asLong()).isEqualTo(3);
        assertThat(first.data()).hasSize(2);
        assertThat(fieldNames(first.data().get(0))).containsExactlyInAnyOrder("name", "active");
        assertThat(list("competitors", Map.of("search_value", tag, "records_per_page", "2", "page", "2")))
                .hasSize(1);

        get("/catalogue/competitors", Map.of("token", admin, "fields_set", "colour")).fails("INVALID_PARAMETER", 400);
        get("/catalogue/competitors", Map.of("token", admin, "include_inactive", "maybe"))
                .fails("INVALID_PARAMETER", 400);
        get("/catalogue/competitors", Map.of("token", admin, "records_per_page", "1001"))
                .fails("INVALID_PARAMETER", 400);
    }

    @Test
    void anImportAddsNewEntriesAndUpdatesKnownOnesByIdForAdministratorsOnly() {
        JsonNode known = competitor(tag);
        String newId = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        ObjectNode catalogue = json.createObjectNode().put("organisation", "CRM");
        catalogue.set("competitors", json.valueToTree(List.of(
                Map.of("id", known.path("id").asText(), "name", tag + "-imported"),
                Map.of("id", newId, "name", tag + "-new"))));
        ObjectNode request = body(admin);
        request.set("catalogue", catalogue);

        post("/catalogue/import", request.deepCopy().put("token", supervisor)).fails("FORBIDDEN", 403);
        assertThat(post("/catalogue/import", request).ok().data().path("competitors").asInt()).isEqualTo(2);

        assertThat(list("competitors", Map.of("search_value", tag))).extracting(entry -> entry.path("name").asText())
                .containsExactlyInAnyOrder(tag + "-imported", tag + "-new");
    }

    @Test
    void anImportUpdatesAKnownUserButNeverUndoesTheirPassword() throws Exception {
        String password = "a password of " + tag;
        JsonNode user = create(admin, "users", "username", tag, "password", password,
                "unit_ids", List.of("48305F8849E3C18B227C5BE3A27BA6DF"),
                "default_unit_id", "48305F8849E3C18B227C5BE3A27BA6DF", "administrator", false).ok().data();
        String developmentHash = json.readTree(getClass().getResourceAsStream("/catalogue.json"))
                .path("users").get(0).path("password_hash").asText();
        ObjectNode catalogue = json.createObjectNode().put("organisation", "CRM");
        catalogue.set("users", json.valueToTree(List.of(Map.of("id", user.path("id").asText(), "username", tag,
                "person_name", "Imported Person", "password_hash", developmentHash,
                "unit_ids", List.of("48305F8849E3C18B227C5BE3A27BA6DF"),
                "default_unit_id", "48305F8849E3C18B227C5BE3A27BA6DF", "administrator", false))));
        ObjectNode request = body(admin);
        request.set("catalogue", catalogue);

        post("/catalogue/import", request).ok();

        assertThat(list("users", Map.of("search_value", tag))).extracting(entry -> entry.path("person_name").asText())
                .containsExactly("Imported Person");
        post("/authentication/token", Map.of("username", tag, "password", password, "organisation", "CRM")).ok();
        post("/authentication/token", Map.of("username", tag, "password", "dev-password", "organisation", "CRM"))
                .fails("INVALID_CREDENTIALS", 401);
        // the tests of the shared service expect its active users to be the default catalogue's three
        change(admin, "users", "deactivate", byId(user)).ok();
    }
}
