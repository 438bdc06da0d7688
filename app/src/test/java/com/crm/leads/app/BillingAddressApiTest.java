package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.DefaultCatalogue.FILIPPOS_HOME_ID;
import static com.crm.leads.app.DefaultCatalogue.KOKOS_HOME_ID;
import static com.crm.leads.app.DefaultCatalogue.WON_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The deprecated {@code billing_address_identifier} (LEADS-API.md, section 5): validated with a move to a WON
 * status, accepted and ignored otherwise. Every test makes its own leads, for Filippos Constantinou, whose
 * addresses are HOME and WORK.
 */
class BillingAddressApiTest extends ApiTest {

    static Stream<Map<String, String>> addressesOfTheContact() {
        return Stream.of(Map.of("TYPE", "HOME"), Map.of("type", "WORK"), Map.of("id", FILIPPOS_HOME_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressesOfTheContact")
    void withAMoveToWonAnAddressOfTheLeadsContactIsAccepted(Map<String, String> address) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "status_identifier", Map.of("name", "Won"),
                "billing_address_identifier", address));

        assertThat(answer.path("status").path("id").asText()).isEqualTo(WON_ID);
        assertThat(answer.path("life_cycle_state").asText()).isEqualTo("WON");
    }

    static Stream<Arguments> addressesNotOfTheContact() {
        return Stream.of(
                arguments(Map.of("TYPE", "OFFICE"), "a type the contact has no address of"),
                arguments(Map.of("id", KOKOS_HOME_ID), "another contact's address"),
                arguments(Map.of("type", "home"), "a type in another letter case"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("addressesNotOfTheContact")
    void withAMoveToWonAnAddressThatIsNotOneOfTheContactsIsNotFound400(
            Map<String, String> address, String label) {
        JsonNode lead = newLead();

        refused(lead, update(lead, "status_identifier", Map.of("name", "Won"), "billing_address_identifier", address,
                "description", "valid"), "NOT_FOUND", 400, "billing_address_identifier");
    }

    static Stream<Arguments> movesThatIgnoreTheBillingAddress() {
        return Stream.of(
                arguments("no status move", Map.of()),
                arguments("the current status again", Map.of("status_identifier", Map.of("name", "New"))),
                arguments("a move to Qualified (PENDING)", Map.of("status_identifier", Map.of("name", "Qualified"))),
                arguments("a move to Lost", Map.of("status_identifier", Map.of("name", "Lost"),
                        "lost_reason_identifier", Map.of("name", "Price"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("movesThatIgnoreTheBillingAddress")
    void withoutAMoveToWonABillingAddressThatNamesNothingIsAcceptedAndIgnored(
            String label, Map<String, Object> move) {
        JsonNode lead = newLead();
        ObjectNode withAddress = updateOf(supervisor, lead);
        withAddress.setAll((ObjectNode) json.valueToTree(move));
        withAddress.set("billing_address_identifier", json.valueToTree(Map.of("TYPE", "OFFICE")));

        JsonNode answer = applied(withAddress);

        JsonNode other = newLead();
        ObjectNode without = updateOf(supervisor, other);
        without.setAll((ObjectNode) json.valueToTree(move));
        JsonNode expected = applied(without);
        assertThat(comparable(answer)).as("the same call without the address").isEqualTo(comparable(expected));
        if (move.isEmpty()) {
            assertSameLead(answer, lead);
        }
    }

    @Test
    void aBillingAddressGivenAsNullIsAcceptedWithAMoveToWon() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "status_identifier", Map.of("name", "Won"), "billing_address_identifier", null));

        assertThat(answer.path("life_cycle_state").asText()).isEqualTo("WON");
    }

    static Stream<Arguments> malformedAddresses() {
        return Stream.of(
                arguments(Map.of("TYPE", "HOME", "id", "x"), true),
                arguments(Map.of("TYPE", "HOME", "id", "x"), false),
                arguments(Map.of("street", "12 Makariou Avenue"), true),
                arguments(Map.of("street", "12 Makariou Avenue"), false),
                arguments(Map.of(), false));
    }

    @ParameterizedTest(name = "{0}, with a move to Won: {1}")
    @MethodSource("malformedAddresses")
    void aBillingAddressWithoutExactlyOneIdentifyingFieldIsInvalidIdentifier(
            Map<String, String> address, boolean toWon) {
        JsonNode lead = newLead();
        ObjectNode request = update(lead, "billing_address_identifier", address, "description", "valid");
        if (toWon) {
            request.set("status_identifier", json.valueToTree(Map.of("name", "Won")));
        }

        refused(lead, request, "INVALID_IDENTIFIER", 400, "billing_address_identifier");
    }

    /** A lead without what differs between two leads made alike: identity, number, version, log and dates. */
    private static JsonNode comparable(JsonNode lead) {
        ObjectNode copy = lead.deepCopy();
        copy.remove(List.of("id", "number", "version", "log_information", "actual_completion_date"));
        return copy;
    }
}
