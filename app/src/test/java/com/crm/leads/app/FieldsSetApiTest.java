package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.SetKind.COMPETITORS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code fields_set} on create, show and update (LEADS-API.md, section 5): the answer holds only the named
 * top-level fields.
 */
class FieldsSetApiTest extends ApiTest {

    @Test
    void fieldsSetOnUpdateAnswersOnlyTheNamedTopLevelFields() {
        JsonNode lead = newLead();

        JsonNode answer = post("/leads/update", update(lead, "description", "changed", "fields_set", "number,status,version"))
                .ok().data();

        assertThat(fieldNames(answer)).containsExactlyInAnyOrder("number", "status", "version");
        assertThat(answer.path("number").asText()).isEqualTo(lead.path("number").asText());
        assertThat(answer.path("status").path("name").asText()).isEqualTo("New");
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        JsonNode shown = show(admin, lead).ok().data();
        assertThat(shown.path("description").asText()).as("the update was applied").isEqualTo("changed");
        assertThat(version(shown)).isEqualTo(version(answer));
    }

    @Test
    void fieldsSetOnShowAnswersOnlyTheNamedTopLevelFields() {
        JsonNode lead = newLead(Map.of("competitors_set", List.of(COMPETITORS.add("Competitor 1"))));

        JsonNode shown = get("/leads/show", Map.of("token", admin, "lead_identifier", "number=" + lead.path("number").asText(),
                "fields_set", "id,competitors_set,log_information")).ok().data();

        assertThat(fieldNames(shown)).containsExactlyInAnyOrder("id", "competitors_set", "log_information");
        assertThat(shown.path("competitors_set")).isEqualTo(lead.path("competitors_set"));
        assertThat(shown.path("log_information")).isEqualTo(lead.path("log_information"));
    }

    @Test
    void fieldsSetOnCreateAnswersOnlyTheNamedTopLevelFields() {
        ObjectNode request = body(admin);
        request.set("contact_information_identifier", json.valueToTree(Map.of("name", "Filippos Constantinou")));
        request.set("type_identifier", json.valueToTree(Map.of("name", "New Customer")));
        request.set("status_identifier", json.valueToTree(Map.of("name", "New")));
        request.put("importance", "IMPORTANCE3").put("priority", 4).put("fields_set", "id,number");

        JsonNode answer = post("/leads/create", request).ok().data();

        assertThat(fieldNames(answer)).containsExactlyInAnyOrder("id", "number");
        assertThat(show(admin, answer).ok().data().path("id")).isEqualTo(answer.path("id"));
    }

    static Stream<String> unknownFieldsSets() {
        return Stream.of("colour", "number,colour", "status.name", "Number", "number,,version", "udf_string_9");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("unknownFieldsSets")
    void fieldsSetNamingAnUnknownFieldIsInvalidParameterOnUpdateAndNothingChanges(String fieldsSet) {
        JsonNode lead = newLead();

        refused(lead, update(lead, "description", "valid", "fields_set", fieldsSet), "INVALID_PARAMETER", 400, "fields_set");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @MethodSource("unknownFieldsSets")
    void fieldsSetNamingAnUnknownFieldIsInvalidParameterOnShow(String fieldsSet) {
        JsonNode lead = newLead();

        Answer answer = get("/leads/show", Map.of("token", admin, "lead_identifier", "number=" + lead.path("number").asText(),
                "fields_set", fieldsSet)).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("fields_set");
    }
}
