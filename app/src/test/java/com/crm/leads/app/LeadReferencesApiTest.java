package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.DefaultCatalogue.CSR_GROUP_ID;
import static com.crm.leads.app.DefaultCatalogue.GROUP_PRIVACY_ID;
import static com.crm.leads.app.DefaultCatalogue.MAIN_GROUP_ID;
import static com.crm.leads.app.DefaultCatalogue.MARIOS_ID;
import static com.crm.leads.app.DefaultCatalogue.PRIVATE_PRIVACY_ID;
import static com.crm.leads.app.DefaultCatalogue.PUBLIC_PRIVACY_ID;
import static com.crm.leads.app.DefaultCatalogue.SIMPLE_PACKAGE_ID;
import static com.crm.leads.app.DefaultCatalogue.SUPERVISOR_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The reference parameters of {@code leads/update} (LEADS-API.md, sections 3 and 5): group, privacy level,
 * subscription package and owner are stored and answered as the catalogue's objects.
 */
class LeadReferencesApiTest extends ApiTest {

    static Stream<Arguments> references() {
        return Stream.of(
                arguments("owned_by_group_identifier", Map.of("name", "CSR Group"), "groups", CSR_GROUP_ID),
                arguments("owned_by_group_identifier", Map.of("alternative_code", "MG"), "groups", MAIN_GROUP_ID),
                arguments("owned_by_group_identifier", Map.of("id", CSR_GROUP_ID), "groups", CSR_GROUP_ID),
                arguments("privacy_level_identifier", Map.of("number", "2"), "privacy_levels", GROUP_PRIVACY_ID),
                arguments("privacy_level_identifier", Map.of("name", "Private"), "privacy_levels", PRIVATE_PRIVACY_ID),
                arguments("privacy_level_identifier", Map.of("id", PUBLIC_PRIVACY_ID), "privacy_levels", PUBLIC_PRIVACY_ID),
                arguments("subscription_package_identifier", Map.of("name", "Simple Package"), "subscription_packages",
                        SIMPLE_PACKAGE_ID),
                arguments("subscription_package_identifier", Map.of("alternative_code", "SP"), "subscription_packages",
                        SIMPLE_PACKAGE_ID),
                arguments("subscription_package_identifier", Map.of("id", SIMPLE_PACKAGE_ID), "subscription_packages",
                        SIMPLE_PACKAGE_ID),
                arguments("lead_owner", Map.of("username", "mariosmtest"), "users", MARIOS_ID),
                arguments("lead_owner", Map.of("id", SUPERVISOR_ID), "users", SUPERVISOR_ID));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("references")
    void aReferenceParameterIsStoredAndReturnedAsTheCatalogueObject(
            String parameter, Map<String, String> identifier, String catalogueKind, String id) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, parameter, identifier));

        assertThat(answer.path(field(parameter))).isEqualTo(catalogueEntry(catalogueKind, id));
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, field(parameter));
    }

    @Test
    void leadOwnerIsAUserObjectWithoutCredentials() {
        JsonNode lead = newLead();

        JsonNode owner = applied(update(lead, "lead_owner", Map.of("username", "supervisor"))).path("lead_owner");

        assertThat(fieldNames(owner)).containsExactlyInAnyOrder("id", "username", "person_name", "email");
        assertThat(owner.path("id").asText()).isEqualTo(SUPERVISOR_ID);
        assertThat(owner.path("person_name").asText()).isEqualTo("supervisor");
        assertThat(owner.path("email").asText()).isEqualTo("super@visor.com");
    }

    static Stream<Arguments> setReferences() {
        return Stream.of(
                arguments("owned_by_group_identifier", Map.of("name", "CSR Group")),
                arguments("privacy_level_identifier", Map.of("number", "3")),
                arguments("subscription_package_identifier", Map.of("name", "Simple Package")),
                arguments("lead_owner", Map.of("username", "mariosmtest")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setReferences")
    void nullClearsAReferenceParameter(String parameter, Map<String, String> initial) {
        JsonNode lead = newLead(Map.of(parameter, initial));
        assertThat(lead.path(field(parameter)).isObject()).as("%s at create: %s", parameter, lead).isTrue();

        JsonNode answer = applied(update(lead, parameter, null));

        assertThat(answer.get(field(parameter))).isNotNull();
        assertThat(answer.get(field(parameter)).isNull()).as("%s after null", parameter).isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, field(parameter));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setReferences")
    void aReferenceThatNamesTheCurrentEntityInAnotherWayIsNotAChange(
            String parameter, Map<String, String> initial) {
        JsonNode lead = newLead(Map.of(parameter, initial));
        String id = lead.path(field(parameter)).path("id").asText();

        JsonNode answer = applied(update(lead, parameter, Map.of("id", id)));

        assertSameLead(answer, lead);
    }

    static Stream<Arguments> unknownReferences() {
        return Stream.of(
                arguments("owned_by_group_identifier", Map.of("name", "Nobody's Group")),
                arguments("owned_by_group_identifier", Map.of("name", "csr group")),
                arguments("privacy_level_identifier", Map.of("number", "9")),
                arguments("subscription_package_identifier", Map.of("name", "Gold Package")),
                arguments("lead_owner", Map.of("username", "nobody")),
                arguments("lead_owner", Map.of("username", "SUPERVISOR")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("unknownReferences")
    void aReferenceThatNamesNothingIsNotFound400NamingTheParameter(
            String parameter, Map<String, String> identifier) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, identifier, "description", "valid"), "NOT_FOUND", 400, parameter);
    }

    static Stream<Arguments> malformedReferences() {
        return Stream.of(
                arguments("owned_by_group_identifier", Map.of("code", "MG")),
                arguments("owned_by_group_identifier", Map.of("name", "Main Group", "alternative_code", "MG")),
                arguments("privacy_level_identifier", Map.of("alternative_code", "1")),
                arguments("subscription_package_identifier", Map.of("code", "SP")),
                arguments("lead_owner", Map.of("person_name", "CRM COM")),
                arguments("lead_owner", Map.of("username", "supervisor", "id", SUPERVISOR_ID)),
                arguments("lead_owner", Map.of()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("malformedReferences")
    void aReferenceWithoutExactlyOneIdentifyingFieldIsInvalidIdentifier(
            String parameter, Map<String, String> identifier) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, identifier), "INVALID_IDENTIFIER", 400, parameter);
    }
}
