package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** What a sales rep is not shown of a contact: its identity numbers and date of birth (decision 22). */
final class ContactIdentity {

    /** Where a lead shows a contact: its own, its account's owner, and the contact of its source communication. */
    static final List<String> CONTACTS_OF_A_LEAD = List.of("/contact_information",
            "/accounts_receivable/account_owner", "/lead_source/communication/contact_information");

    private static final List<String> IDENTITY_NUMBERS = List.of("id_number", "id_issued_by_country",
            "passport_number", "passport_issued_by_country", "social_security_number");

    private ContactIdentity() {
    }

    /** A copy of {@code lead} as a sales rep is shown it: every contact it has without its identity. */
    static ObjectNode asASalesRepSees(JsonNode lead) {
        ObjectNode copy = lead.deepCopy();
        for (String contact : CONTACTS_OF_A_LEAD) {
            if (copy.at(contact).isObject()) {
                withheld(copy.at(contact));
            }
        }
        return copy;
    }

    /** {@code contacts} (one contact, or a list of them), changed: their identity numbers and date of birth null. */
    static JsonNode withheld(JsonNode contacts) {
        for (JsonNode contact : contacts.isArray() ? contacts : List.of(contacts)) {
            if (!(contact.path("demographics") instanceof ObjectNode demographics)) {
                continue;
            }
            IDENTITY_NUMBERS.forEach(demographics::putNull);
            if (demographics.path("date_of_birth").isObject()) {
                ((ObjectNode) demographics.path("date_of_birth")).putNull("day").putNull("month").putNull("year");
            }
        }
        return contacts;
    }
}
