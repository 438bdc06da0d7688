package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Identifier objects in {@code leads/update} (LEADS-API.md, section 3): one that names nothing is
 * {@code NOT_FOUND}, one without exactly one identifying field is {@code INVALID_IDENTIFIER}, and the lead itself
 * must be named.
 */
class LeadUpdateIdentifiersApiTest extends ApiTest {

    @Test
    void aCategoryThatDoesNotExistIsNotFound400() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "category_identifier", Map.of("name", "Nope")),
                "NOT_FOUND", 400, "category_identifier");
    }

    @Test
    void identifierNamesMatchExactlyWithCase() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "category_identifier", Map.of("name", "new customer")),
                "NOT_FOUND", 400, "category_identifier");
    }

    static Stream<Arguments> malformedCategoryIdentifiers() {
        return Stream.of(
                arguments(Map.of("name", "New Customer", "code", "NC"), "two identifying fields"),
                arguments(Map.of(), "no identifying field"),
                arguments(Map.of("alternative_code", "NC"), "a field that does not identify a category"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedCategoryIdentifiers")
    void aCategoryIdentifierWithoutExactlyOneIdentifyingFieldIsInvalidIdentifier(
            Map<String, String> identifier, String label) {
        JsonNode lead = newLead();

        refused(lead, update(lead, "category_identifier", identifier), "INVALID_IDENTIFIER", 400,
                "category_identifier");
    }

    @Test
    void aStatusThatDoesNotExistIsNotFound400() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "status_identifier", Map.of("name", "Nope")),
                "NOT_FOUND", 400, "status_identifier");
    }

    @Test
    void anUpdateOfALeadThatDoesNotExistIsNotFound404() {
        ObjectNode request = body(supervisor);
        request.set("lead_identifier", json.valueToTree(Map.of("number", "987654321")));
        request.put("description", "nobody reads this");

        Answer answer = sendUpdate(request).fails("NOT_FOUND", 404);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void anUpdateWithoutLeadIdentifierIsInvalidParameter() {
        ObjectNode request = body(supervisor);
        request.put("description", "which lead?");

        Answer answer = sendUpdate(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void aLeadIdentifierWithTwoIdentifyingFieldsIsInvalidIdentifier() {
        JsonNode lead = newLead();
        ObjectNode request = update(lead, "description", "two ways");
        request.set("lead_identifier", json.valueToTree(Map.of("number", lead.path("number").asText(),
                "id", lead.path("id").asText())));

        refused(lead, request, "INVALID_IDENTIFIER", 400, "lead_identifier");
    }
}
