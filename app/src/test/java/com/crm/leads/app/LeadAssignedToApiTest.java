package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.DefaultCatalogue.ADMINISTRATOR_ID;
import static com.crm.leads.app.DefaultCatalogue.ADMIN_UNIT_ID;
import static com.crm.leads.app.DefaultCatalogue.MARIOS_ID;
import static com.crm.leads.app.DefaultCatalogue.SALES_UNIT_ID;
import static com.crm.leads.app.DefaultCatalogue.SUPERVISOR_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code assigned_to} (LEADS-API.md, section 5): a unit and, if given, one of its users.
 */
class LeadAssignedToApiTest extends ApiTest {

    @Test
    void assignedToAUnitAndOneOfItsUsersReturnsBothObjects() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "assigned_to",
                Map.of("unit_identifier", Map.of("name", "Sales Unit"), "user_identifier", Map.of("username", "supervisor"))));

        JsonNode assigned = answer.path("assigned_to");
        assertThat(assigned.path("unit")).isEqualTo(catalogueEntry("units", SALES_UNIT_ID));
        assertThat(assigned.path("user")).isEqualTo(catalogueEntry("users", SUPERVISOR_ID));
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "assigned_to");
    }

    @Test
    void assignedToIdentifiesUnitAndUserByAnyOfTheirIdentifyingFields() {
        JsonNode lead = newLead();

        JsonNode assigned = applied(update(lead, "assigned_to", Map.of("unit_identifier",
                Map.of("alternative_code", "adminunit"), "user_identifier", Map.of("id", MARIOS_ID)))).path("assigned_to");

        assertThat(assigned.path("unit").path("id").asText()).isEqualTo(ADMIN_UNIT_ID);
        assertThat(assigned.path("user").path("username").asText()).isEqualTo("mariosmtest");
    }

    @Test
    void assignedToAUnitAloneIsFineAndHasNoUser() {
        JsonNode lead = newLead();

        JsonNode assigned = applied(update(lead, "assigned_to", Map.of("unit_identifier", Map.of("name", "Sales Unit"))))
                .path("assigned_to");

        assertThat(assigned.path("unit").path("id").asText()).isEqualTo(SALES_UNIT_ID);
        assertThat(assigned.path("user").isMissingNode() || assigned.path("user").isNull())
                .as("user of %s", assigned).isTrue();
    }

    @Test
    void nullClearsAssignedTo() {
        JsonNode lead = newLead(Map.of("assigned_to", Map.of("unit_identifier", Map.of("name", "Admin Unit"),
                "user_identifier", Map.of("username", "mariosmtest"))));
        assertThat(lead.path("assigned_to").isObject()).isTrue();

        JsonNode answer = applied(update(lead, "assigned_to", null));

        assertThat(answer.get("assigned_to").isNull()).as("assigned_to: %s", answer.get("assigned_to")).isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    static Stream<Arguments> badAssignments() {
        Map<String, Object> nullUnit = new LinkedHashMap<>();
        nullUnit.put("unit_identifier", null);
        nullUnit.put("user_identifier", Map.of("username", "supervisor"));
        return Stream.of(
                arguments("a user who does not belong to the unit",
                        Map.of("unit_identifier", Map.of("name", "Sales Unit"), "user_identifier", Map.of("username", "mariosmtest")),
                        "INVALID_PARAMETER", "assigned_to.user_identifier"),
                arguments("the administrator in the Sales Unit",
                        Map.of("unit_identifier", Map.of("id", SALES_UNIT_ID), "user_identifier", Map.of("id", ADMINISTRATOR_ID)),
                        "INVALID_PARAMETER", "assigned_to.user_identifier"),
                arguments("no unit_identifier", Map.of("user_identifier", Map.of("username", "supervisor")),
                        "INVALID_PARAMETER", "assigned_to.unit_identifier"),
                arguments("unit_identifier null", nullUnit, "INVALID_PARAMETER", "assigned_to.unit_identifier"),
                arguments("an unknown unit", Map.of("unit_identifier", Map.of("name", "Nowhere Unit")),
                        "NOT_FOUND", "assigned_to.unit_identifier"),
                arguments("an unknown user", Map.of("unit_identifier", Map.of("name", "Sales Unit"),
                        "user_identifier", Map.of("username", "nobody")), "NOT_FOUND", "assigned_to.user_identifier"),
                arguments("a unit identifier with two fields", Map.of("unit_identifier",
                        Map.of("name", "Sales Unit", "id", SALES_UNIT_ID)), "INVALID_IDENTIFIER", "assigned_to.unit_identifier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badAssignments")
    void aBadAssignedToIsRefusedNamingItsPartAndChangesNothing(
            String label, Map<String, Object> assignedTo, String code, String description) {
        JsonNode lead = newLead(Map.of("assigned_to", Map.of("unit_identifier", Map.of("name", "Admin Unit"))));

        refused(lead, update(lead, "assigned_to", assignedTo, "description", "valid"), code, 400, description);
    }
}
