package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A contact's identity numbers and date of birth reach administrators only: supervisor, no administrator, is shown
 * them as null, in the catalogue and in every lead it is answered, while MPAdministrator is shown them as stored.
 * Every answer to supervisor is compared with the administrator's of the same thing, those fields left out.
 */
class PersonalDataApiTest extends ApiTest {

    /** Lionel Messi, in the leads these tests make: the contact of communication 204. */
    private static final String SOURCE_CONTACT = "/lead_source/communication/contact_information";

    @Test
    void theCatalogueShowsASalesRepNoContactsIdentity() {
        JsonNode asAdministratorSees = contacts(admin);

        assertStoredIdentity(contactNamed(asAdministratorSees, "Lionel Messi"));
        assertThat(contacts(supervisor)).isEqualTo(ContactIdentity.withheld(asAdministratorSees.deepCopy()));
    }

    @Test
    void anAdministratorIsShownEveryContactsIdentityAfterASalesRepWasShownNone() {
        contacts(supervisor);
        JsonNode lead = createLead(supervisor, leadOfThreeContacts());
        show(supervisor, lead).ok();

        JsonNode asAdministratorSees = contacts(admin);
        assertStoredIdentity(contactNamed(asAdministratorSees, "Lionel Messi"));
        assertThat(contactNamed(asAdministratorSees, "Filippos Constantinou").at("/demographics/id_number").asText())
                .isEqualTo("121212");
        assertStoredIdentity(show(admin, lead).ok().data().at(SOURCE_CONTACT));
    }

    @Test
    void aLeadCreatedByASalesRepIsAnsweredWithoutItsContactsIdentity() {
        JsonNode created = createLead(supervisor, leadOfThreeContacts());

        assertWithoutIdentity(created, show(admin, created).ok().data());
    }

    @Test
    void aSalesRepIsShownALeadWithoutItsContactsIdentity() {
        JsonNode lead = newLead(leadOfThreeContacts());

        assertWithoutIdentity(show(supervisor, lead).ok().data(), show(admin, lead).ok().data());
    }

    @Test
    void aSalesRepListsLeadsWithoutTheirContactsIdentity() {
        String email = "personal-" + newRequestId() + "@example.com";
        Map<String, Object> extra = new HashMap<>(leadOfThreeContacts());
        extra.put("contact_email", email);
        newLead(extra);
        Map<String, String> query = Map.of("search_value", email);

        assertWithoutIdentity(listed(supervisor, query), listed(admin, query));
    }

    @Test
    void aLeadUpdatedByASalesRepIsAnsweredWithoutItsContactsIdentity() {
        JsonNode lead = newLead(leadOfThreeContacts());

        JsonNode updated = post("/leads/update", update(lead, "description", "called back")).ok().data();

        assertWithoutIdentity(updated, show(admin, lead).ok().data());
    }

    @Test
    void aSalesRepTravellingInTimeIsShownNoContactsIdentity() {
        JsonNode lead = newLead(leadOfThreeContacts());
        post("/leads/update", update(lead, "description", "called back")).ok();

        assertWithoutIdentity(asOfVersion(supervisor, lead, version(lead)), asOfVersion(admin, lead, version(lead)));
    }

    @Test
    void aSalesRepsRetriedCreateIsAnsweredWithoutItsContactsIdentity() {
        ObjectNode request = createRequestOfThreeContacts(supervisor);
        JsonNode first = post("/leads/create", request).ok().data();

        JsonNode retried = post("/leads/create", request).ok().data();

        assertThat(retried).isEqualTo(first);
        assertWithoutIdentity(retried, show(admin, first).ok().data());
    }

    @Test
    void anAdministratorsRetriedCreateIsAnsweredWithEveryContactsIdentity() {
        ObjectNode request = createRequestOfThreeContacts(admin);
        post("/leads/create", request).ok();

        JsonNode retried = post("/leads/create", request).ok().data();

        assertStoredIdentity(retried.at(SOURCE_CONTACT));
    }

    /** A lead whose contact, account owner and source communication's contact all have identity numbers. */
    private static Map<String, Object> leadOfThreeContacts() {
        return Map.of("accounts_receivable_identifier", Map.of("number", "567"),
                "source", Map.of("type", "COMMUNICATIONS", "communication_identifier", Map.of("number", "204")));
    }

    private ObjectNode createRequestOfThreeContacts(String token) {
        ObjectNode request = createRequest(token);
        request.setAll((ObjectNode) json.valueToTree(leadOfThreeContacts()));
        request.put("request_id", newRequestId());
        return request;
    }

    private JsonNode contacts(String token) {
        return get("/catalogue/contacts", Map.of("token", token)).ok().data();
    }

    private JsonNode listed(String token, Map<String, String> filter) {
        Map<String, String> query = new HashMap<>(filter);
        query.put("token", token);
        JsonNode leads = get("/leads/list", query).ok().data();
        assertThat(leads).hasSize(1);
        return leads.get(0);
    }

    private JsonNode asOfVersion(String token, JsonNode lead, long version) {
        return get("/leads/show", Map.of("token", token, "lead_identifier", "number=" + lead.path("number").asText(),
                "as_of_version", Long.toString(version))).ok().data();
    }

    /**
     * {@code answered} is the lead as the administrator was shown it, with no identity in any of its contacts; and
     * the administrator was shown them, so the comparison proves something.
     */
    private static void assertWithoutIdentity(JsonNode answered, JsonNode asAdministratorSees) {
        assertStoredIdentity(asAdministratorSees.at(SOURCE_CONTACT));
        for (String contact : ContactIdentity.CONTACTS_OF_A_LEAD) {
            assertThat(asAdministratorSees.at(contact).isObject()).as("%s of %s", contact, asAdministratorSees)
                    .isTrue();
        }
        assertThat(answered).isEqualTo(ContactIdentity.asASalesRepSees(asAdministratorSees));
    }

    /** Lionel Messi's identity as the default catalogue has it. */
    private static void assertStoredIdentity(JsonNode lionel) {
        JsonNode demographics = lionel.path("demographics");
        assertThat(demographics.path("id_number").asText()).as("id_number of %s", lionel).isEqualTo("1234");
        assertThat(demographics.path("passport_number").asText()).isEqualTo("4321");
        assertThat(demographics.path("social_security_number").asText()).isEqualTo("12345");
        assertThat(demographics.path("date_of_birth")).isEqualTo(
                JsonNodeFactory.instance.objectNode().put("day", 24).put("month", 6).put("year", 1987));
    }

    private static JsonNode contactNamed(JsonNode contacts, String name) {
        for (JsonNode contact : contacts) {
            if (contact.path("name").asText().equals(name)) {
                return contact;
            }
        }
        throw new AssertionError("no contact " + name + " in " + contacts);
    }
}
