package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.LeadCompleteFields.UDF_DATES;
import static com.crm.leads.app.LeadCompleteFields.UDF_FLOATS;
import static com.crm.leads.app.LeadCompleteFields.UDF_STRINGS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The semantics of {@code leads/update} (LEADS-API.md, section 5): an absent parameter leaves its field alone, null
 * clears it (where the field may be null), and a value equal to the current one is no change, so no event.
 */
class LeadUpdateAbsentNullEqualApiTest extends ApiTest {

    @Test
    void anAbsentParameterLeavesItsFieldUnchanged() {
        JsonNode lead = newLead(Map.of("contact_email", "keep@example.com", "description", "keep me",
                "udf_float_2", 7.5, "category_identifier", Map.of("name", "New Customer")));

        JsonNode answer = applied(update(lead, "priority", 2));

        assertThat(answer.path("priority").asInt()).isEqualTo(2);
        assertThat(answer.path("contact_email").asText()).isEqualTo("keep@example.com");
        assertThat(answer.path("description").asText()).isEqualTo("keep me");
        assertUnchangedBut(lead, answer, "priority");
    }

    static Stream<Arguments> nullableParameters() {
        List<Arguments> cases = new ArrayList<>(List.of(
                arguments("contact_email", "clear@example.com"),
                arguments("contact_phone", "+357 99 123456"),
                arguments("description", "to be cleared"),
                arguments("probability_to_win", 40),
                arguments("target_amount", 900),
                arguments("category_identifier", Map.of("name", "New Customer")),
                arguments("start_date", "2022-01-01T10:00:00")));
        UDF_STRINGS.forEach(name -> cases.add(arguments(name, "s")));
        UDF_FLOATS.forEach(name -> cases.add(arguments(name, 1.5)));
        UDF_DATES.forEach(name -> cases.add(arguments(name, "2022-01-01T10:00:00")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullableParameters")
    void nullClearsTheField(String parameter, Object initial) {
        JsonNode lead = newLead(Map.of(parameter, initial));
        assertThat(lead.path(field(parameter)).isNull()).as("%s before", parameter).isFalse();

        JsonNode answer = applied(update(lead, parameter, null));

        assertThat(answer.get(field(parameter))).as(parameter).isNotNull();
        assertThat(answer.get(field(parameter)).isNull()).as("%s after null: %s", parameter, answer).isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, field(parameter));
    }

    @Test
    void nullForAFieldThatIsAlreadyUnsetIsNotAChange() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "contact_email", null, "udf_date_2", null));

        assertSameLead(answer, lead);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status_identifier", "importance", "priority"})
    void nullForANotNullableParameterIsInvalidParameterAndChangesNothing(String parameter) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, null), "INVALID_PARAMETER", 400, parameter);
    }

    static Stream<Arguments> equalValues() {
        return Stream.of(
                arguments("priority", 4, 4),
                arguments("importance", "IMPORTANCE3", "IMPORTANCE3"),
                arguments("probability_to_win", 50, new BigDecimal("50.00")),
                arguments("target_amount", 100, 100.0),
                arguments("udf_float_1", 5, new BigDecimal("5.000")),
                arguments("contact_email", "same@example.com", "same@example.com"),
                arguments("description", "same", "same"),
                arguments("start_date", "2022-03-01", "2022-03-01T00:00:00"),
                arguments("udf_date_3", "2022-03-01T00:00:00", "2022-03-01"),
                arguments("category_identifier", Map.of("name", "New Customer"), Map.of("code", "NC")),
                arguments("status_identifier", Map.of("name", "New"), Map.of("alternative_code", "NEW")));
    }

    @ParameterizedTest(name = "{0}: {1} then {2}")
    @MethodSource("equalValues")
    void settingAnEqualValueIsNotAChange(String parameter, Object initial, Object equal) {
        JsonNode lead = newLead(Map.of(parameter, initial));

        JsonNode answer = applied(update(lead, parameter, equal));

        assertThat(version(answer)).isEqualTo(version(lead));
        assertThat(answer.path("log_information").path("updated_date"))
                .isEqualTo(lead.path("log_information").path("updated_date"));
        assertThat(answer.path("log_information").path("updated_by_user").path("username").asText())
                .as("no event, so the last updater is still the creator").isEqualTo("MPAdministrator");
        assertSameLead(answer, lead);
    }

    @Test
    void settingTheSameValueTwiceChangesTheLeadOnce() {
        JsonNode lead = newLead();

        JsonNode first = applied(update(lead, "probability_to_win", 50));
        JsonNode second = applied(update(first, "probability_to_win", new BigDecimal("50.00")));

        assertThat(version(first)).isEqualTo(version(lead) + 1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anUpdateThatChangesNothingOnAnOpenLeadAnswersTheLeadAsItIs() {
        JsonNode lead = newLead(Map.of("description", "as it is"));

        Answer answer = sendUpdate(updateOf(supervisor, lead)).ok();

        assertSameLead(answer.data(), lead);
        assertThat(show(lead).ok().data()).isEqualTo(lead);
    }
}
