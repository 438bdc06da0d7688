package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.DefaultCatalogue.SOFTWARE_PURCHASE_CATEGORY_ID;
import static com.crm.leads.app.DefaultCatalogue.SUPERVISOR_ID;
import static com.crm.leads.app.LeadCompleteFields.UDF_DATES;
import static com.crm.leads.app.LeadCompleteFields.UDF_FLOATS;
import static com.crm.leads.app.LeadCompleteFields.UDF_STRINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code leads/update} with each scalar parameter (LEADS-API.md, section 5): the update sets the field, answers the
 * lead as a show right after does, grows the version by one per real change and names its caller in
 * {@code log_information}.
 */
class LeadUpdateFieldsApiTest extends ApiTest {

    static Stream<Arguments> scalarChanges() {
        List<Arguments> cases = new ArrayList<>(List.of(
                arguments("contact_email", "filippos@example.com", "filippos@example.com"),
                arguments("contact_phone", "+357 (22) 123-456", "+357 (22) 123-456"),
                arguments("description", "Interested in the premium package", "Interested in the premium package"),
                arguments("probability_to_win", 75.5, 75.5),
                arguments("importance", "IMPORTANCE5", "IMPORTANCE5"),
                arguments("importance", "CUSTOM2", "CUSTOM2"),
                arguments("priority", 6, 6),
                arguments("target_amount", 1250.75, 1250.75),
                arguments("start_date", "2022-03-01T09:00:00", "2022-03-01T09:00:00"),
                arguments("start_date", "2022-03-01", "2022-03-01T00:00:00")));
        for (int i = 0; i < UDF_STRINGS.size(); i++) {
            cases.add(arguments(UDF_STRINGS.get(i), "value " + (i + 1), "value " + (i + 1)));
        }
        for (int i = 0; i < UDF_FLOATS.size(); i++) {
            cases.add(arguments(UDF_FLOATS.get(i), -3.25 * (i + 1), -3.25 * (i + 1)));
        }
        for (int i = 0; i < UDF_DATES.size(); i++) {
            String date = "2021-06-1" + i + "T08:30:00";
            cases.add(arguments(UDF_DATES.get(i), date, date));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("scalarChanges")
    void anUpdateSetsTheParameterAndAnswersItAsAShowRightAfterDoes(
            String parameter, Object value, Object shown) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, parameter, value));

        assertShown(answer, parameter, shown);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertThat(answer.path("log_information").path("updated_by_user").path("username").asText())
                .isEqualTo("supervisor");
        assertThat(answer.path("log_information").path("created_by_user").path("username").asText())
                .isEqualTo("MPAdministrator");
        assertUnchangedBut(lead, answer, parameter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categoryIdentifiers")
    void categoryIdentifierSetsTheCategoryByIdNameOrCode(Map<String, String> identifier) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "category_identifier", identifier));

        JsonNode category = answer.path("category");
        assertThat(category.path("id").asText()).isEqualTo(SOFTWARE_PURCHASE_CATEGORY_ID);
        assertThat(category.path("name").asText()).isEqualTo("Software Purchase");
        assertThat(category.path("code").asText()).isEqualTo("SP");
        assertThat(fieldNames(category)).contains("description");
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "category");
    }

    static Stream<Map<String, String>> categoryIdentifiers() {
        return Stream.of(Map.of("id", SOFTWARE_PURCHASE_CATEGORY_ID), Map.of("name", "Software Purchase"),
                Map.of("code", "SP"));
    }

    @Test
    void theVersionGrowsByTheNumberOfRealChanges() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead,
                "contact_email", "a@example.com",
                "description", "three real changes",
                "priority", 4,
                "importance", "IMPORTANCE3",
                "udf_string_1", "x"));

        assertThat(version(answer)).isEqualTo(version(lead) + 3);
        assertThat(answer.path("contact_email").asText()).isEqualTo("a@example.com");
        assertThat(answer.path("description").asText()).isEqualTo("three real changes");
        assertThat(answer.path("udf_string_1").asText()).isEqualTo("x");
    }

    @Test
    void logInformationNamesTheCallerOfTheUpdateAndKeepsTheCreator() {
        JsonNode lead = newLead();

        LocalDateTime before = nowUtc();
        JsonNode answer = applied(update(lead, "description", "by the supervisor"));
        LocalDateTime after = nowUtc();

        JsonNode log = answer.path("log_information");
        JsonNode created = lead.path("log_information");
        assertThat(log.path("updated_by_user").path("id").asText()).isEqualTo(SUPERVISOR_ID);
        assertThat(log.path("updated_by_user").path("username").asText()).isEqualTo("supervisor");
        assertThat(log.path("updated_by_user").path("person_name").asText()).isEqualTo("supervisor");
        assertThat(log.path("updated_by_user").path("email").asText()).isEqualTo("super@visor.com");
        assertThat(log.path("updated_by_unit").path("name").asText()).isEqualTo("Admin Unit");
        assertThat(log.path("created_by_user")).isEqualTo(created.path("created_by_user"));
        assertThat(log.path("created_by_user").path("username").asText()).isEqualTo("MPAdministrator");
        assertThat(log.path("created_by_unit")).isEqualTo(created.path("created_by_unit"));
        assertThat(log.path("created_date")).isEqualTo(created.path("created_date"));
        assertWithin(log.path("updated_date"), before, after);
        assertThat(LocalDateTime.parse(log.path("updated_date").asText()))
                .isAfterOrEqualTo(LocalDateTime.parse(log.path("created_date").asText()));
    }
}
