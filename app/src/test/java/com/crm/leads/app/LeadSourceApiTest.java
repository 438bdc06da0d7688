package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.DefaultCatalogue.COMMUNICATION_204_ID;
import static com.crm.leads.app.DefaultCatalogue.LIONEL_MESSI_ID;
import static com.crm.leads.app.HistoryEntries.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code source} (LEADS-API.md, section 5), answered as {@code lead_source}: a communication for the type
 * COMMUNICATIONS, a name for the custom types.
 */
class LeadSourceApiTest extends ApiTest {

    static Stream<Map<String, String>> communicationIdentifiers() {
        return Stream.of(Map.of("number", "204"), Map.of("id", COMMUNICATION_204_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("communicationIdentifiers")
    void aCommunicationsSourceReturnsTheCommunicationWithItsNumberAndContact(Map<String, String> identifier) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "source",
                Map.of("type", "COMMUNICATIONS", "communication_identifier", identifier)));

        JsonNode source = answer.path("lead_source");
        assertThat(source.path("type").asText()).isEqualTo("COMMUNICATIONS");
        assertThat(source.path("name").isMissingNode() || source.path("name").isNull()).as("name of %s", source).isTrue();
        JsonNode communication = source.path("communication");
        assertThat(communication.path("id").asText()).isEqualTo(COMMUNICATION_204_ID);
        assertThat(communication.path("number").asText()).isEqualTo("204");
        assertThat(communication.path("contact_information").path("id").asText()).isEqualTo(LIONEL_MESSI_ID);
        assertThat(communication.path("contact_information").path("name").asText()).isEqualTo("Lionel Messi");
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "lead_source");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"CUSTOM1", "CUSTOM2", "CUSTOM3"})
    void aCustomSourceReturnsItsTypeAndName(String type) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "source", Map.of("type", type, "name", "Trade fair")));

        JsonNode source = answer.path("lead_source");
        assertThat(source.path("type").asText()).isEqualTo(type);
        assertThat(source.path("name").asText()).isEqualTo("Trade fair");
        JsonNode communication = source.path("communication");
        assertThat(communication.isMissingNode() || communication.isNull()).as("communication of %s", source).isTrue();
    }

    @Test
    void nullClearsTheSource() {
        JsonNode lead = newLead(Map.of("source", Map.of("type", "CUSTOM2", "name", "test")));
        assertThat(lead.path("lead_source").path("name").asText()).isEqualTo("test");

        JsonNode answer = applied(update(lead, "source", null));

        assertThat(answer.get("lead_source").isNull()).as("lead_source: %s", answer.get("lead_source")).isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    static Stream<Arguments> badSources() {
        Map<String, Object> nullIdentifier = new LinkedHashMap<>();
        nullIdentifier.put("type", "COMMUNICATIONS");
        nullIdentifier.put("communication_identifier", null);
        return Stream.of(
                arguments("COMMUNICATIONS with a name", Map.of("type", "COMMUNICATIONS",
                        "communication_identifier", Map.of("number", "204"), "name", "a name"), "INVALID_PARAMETER", null),
                arguments("COMMUNICATIONS without a communication", Map.of("type", "COMMUNICATIONS"),
                        "INVALID_PARAMETER", null),
                arguments("COMMUNICATIONS with communication_identifier null", nullIdentifier, "INVALID_PARAMETER", null),
                arguments("COMMUNICATIONS with a name only", Map.of("type", "COMMUNICATIONS", "name", "a name"),
                        "INVALID_PARAMETER", null),
                arguments("CUSTOM2 without a name", Map.of("type", "CUSTOM2"), "INVALID_PARAMETER", "source.name"),
                arguments("CUSTOM1 with a blank name", Map.of("type", "CUSTOM1", "name", "  "), "INVALID_PARAMETER",
                        "source.name"),
                arguments("CUSTOM3 with a communication", Map.of("type", "CUSTOM3", "name", "x",
                        "communication_identifier", Map.of("number", "204")), "INVALID_PARAMETER", null),
                arguments("CUSTOM1 with a name of 256 characters", Map.of("type", "CUSTOM1", "name", "n".repeat(256)),
                        "INVALID_PARAMETER", "source.name"),
                arguments("type EMAIL", Map.of("type", "EMAIL", "name", "x"), "INVALID_PARAMETER", "source.type"),
                arguments("no type", Map.of("name", "x"), "INVALID_PARAMETER", "source.type"),
                arguments("an unknown communication", Map.of("type", "COMMUNICATIONS",
                        "communication_identifier", Map.of("number", "999")), "NOT_FOUND", "source.communication_identifier"),
                arguments("a communication identifier with two fields", Map.of("type", "COMMUNICATIONS",
                        "communication_identifier", Map.of("number", "204", "id", COMMUNICATION_204_ID)),
                        "INVALID_IDENTIFIER", "source.communication_identifier"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSources")
    void aBadSourceIsRefusedAndChangesNothing(String label, Map<String, Object> source, String code,
                                                     String description) {
        JsonNode lead = newLead(Map.of("source", Map.of("type", "CUSTOM1", "name", "before")));

        Answer answer = refused(lead, update(lead, "source", source, "priority", 1), code, 400, description);

        assertThat(answer.description()).startsWith("source");
    }
}
