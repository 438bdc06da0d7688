package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.Periods.LONG_OVERDUE;
import static com.crm.leads.app.Periods.assertPeriod;
import static com.crm.leads.app.Periods.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code estimated_completion_time} and {@code expected_completion_date} (LEADS-API.md, section 5): either one gives
 * the other, counted from {@code start_date}.
 */
class CompletionDatesApiTest extends ApiTest {

    static Stream<Arguments> estimates() {
        return Stream.of(
                arguments(2, "WEEKS", "2024-01-15T00:00:00"),
                arguments(5, "DAYS", "2024-01-06T00:00:00"),
                arguments(3, "MONTHS", "2024-04-01T00:00:00"),
                arguments(1, "YEARS", "2025-01-01T00:00:00"),
                arguments(36, "HOURS", "2024-01-02T12:00:00"),
                arguments(90, "MINUTES", "2024-01-01T01:30:00"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("estimates")
    void estimatedCompletionTimeGivesExpectedCompletionDateAsStartDatePlusThePeriod(
            int value, String unit, String expected) {
        JsonNode lead = newLead(Map.of("start_date", "2024-01-01T00:00:00"));

        JsonNode answer = applied(update(lead, "estimated_completion_time", period(value, unit)));

        assertThat(answer.path("expected_completion_date").asText()).isEqualTo(expected);
        assertPeriod(answer.path("estimated_completion_time"), value, unit);
        assertThat(answer.path("start_date").asText()).isEqualTo("2024-01-01T00:00:00");
    }

    @Test
    void startDateAndEstimatedCompletionTimeInOneCallCountFromTheNewStart() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "start_date", "2024-03-10T09:30:00",
                "estimated_completion_time", period(2, "WEEKS")));

        assertThat(answer.path("expected_completion_date").asText()).isEqualTo("2024-03-24T09:30:00");
        assertPeriod(answer.path("estimated_completion_time"), 2, "WEEKS");
    }

    static Stream<Arguments> expectedDates() {
        return Stream.of(
                arguments("2025-01-01T00:00:00", 1, "YEARS"),
                arguments("2026-01-01", 2, "YEARS"),
                arguments("2024-03-01T00:00:00", 2, "MONTHS"),
                arguments("2024-01-22T00:00:00", 3, "WEEKS"),
                arguments("2024-01-11T00:00:00", 10, "DAYS"),
                arguments("2024-02-29T00:00:00", 59, "DAYS"),
                arguments("2024-01-02T06:00:00", 30, "HOURS"),
                arguments("2024-01-01T00:45:00", 45, "MINUTES"));
    }

    @ParameterizedTest(name = "{0} is {1} {2}")
    @MethodSource("expectedDates")
    void expectedCompletionDateGivesEstimatedCompletionTimeInTheLargestWholeUnit(
            String expected, int value, String unit) {
        JsonNode lead = newLead(Map.of("start_date", "2024-01-01T00:00:00"));

        JsonNode answer = applied(update(lead, "expected_completion_date", expected));

        assertPeriod(answer.path("estimated_completion_time"), value, unit);
        assertThat(LocalDateTime.parse(answer.path("expected_completion_date").asText()))
                .isEqualTo(expected.length() == 10 ? expected + "T00:00:00" : expected);
    }

    static Stream<Arguments> estimatesAndTheirDates() {
        return Stream.of(
                arguments("2024-01-01T00:00:00", 1, "MONTHS", "2024-02-01T00:00:00"),
                arguments("2024-01-01T00:00:00", 3, "WEEKS", "2024-01-22T00:00:00"),
                arguments("2024-01-31T00:00:00", 1, "MONTHS", "2024-02-29T00:00:00"),
                arguments("2024-02-29T00:00:00", 1, "YEARS", "2025-02-28T00:00:00"));
    }

    @ParameterizedTest(name = "start {0}, estimated {1} {2}, expected {3}")
    @MethodSource("estimatesAndTheirDates")
    void settingExpectedCompletionDateToItsCurrentValueIsNotAChange(
            String start, int value, String unit, String expected) {
        JsonNode lead = newLead(Map.of("start_date", start, "estimated_completion_time", period(value, unit)));
        assertThat(lead.path("expected_completion_date").asText()).isEqualTo(expected);

        JsonNode answer = applied(update(lead, "expected_completion_date", expected));

        assertPeriod(answer.path("estimated_completion_time"), value, unit);
        assertThat(version(answer)).as("version: no event for a value equal to the current one").isEqualTo(version(lead));
        assertSameLead(answer, lead);
    }

    @Test
    void anExpectedCompletionDateEqualToTheStartDateIsAccepted() {
        JsonNode lead = newLead(Map.of("start_date", "2024-01-01T00:00:00"));

        JsonNode answer = applied(update(lead, "expected_completion_date", "2024-01-01T00:00:00"));

        assertThat(answer.path("expected_completion_date").asText()).isEqualTo("2024-01-01T00:00:00");
    }

    @Test
    void expectedCompletionDateAndEstimatedCompletionTimeInOneCallIsInvalidParameter() {
        JsonNode lead = newLead(LONG_OVERDUE);

        Answer answer = refused(lead, update(lead, "expected_completion_date", "2024-06-01T00:00:00",
                "estimated_completion_time", period(1, "MONTHS")), "INVALID_PARAMETER", 400, null);

        assertThat(answer.description()).isIn("expected_completion_date", "estimated_completion_time");
    }

    @Test
    void anExpectedCompletionDateBeforeTheStartDateIsInvalidParameter() {
        JsonNode lead = newLead(LONG_OVERDUE);

        refused(lead, update(lead, "expected_completion_date", "2017-12-31T23:59:59", "description", "valid"),
                "INVALID_PARAMETER", 400, "expected_completion_date");
    }

    @Test
    void anExpectedCompletionDateBeforeAStartDateOfTheSameCallIsInvalidParameter() {
        JsonNode lead = newLead();

        Answer answer = refused(lead, update(lead, "start_date", "2024-05-01T00:00:00",
                "expected_completion_date", "2024-04-30T00:00:00"), "INVALID_PARAMETER", 400, null);

        assertThat(answer.description()).isIn("expected_completion_date", "start_date");
    }

    static Stream<Arguments> badPeriods() {
        Map<String, Object> nullValue = new LinkedHashMap<>();
        nullValue.put("time_period_value", null);
        nullValue.put("time_period_uot", "DAYS");
        return Stream.of(
                arguments("value 0", period(0, "DAYS"), "estimated_completion_time.time_period_value"),
                arguments("value -1", period(-1, "WEEKS"), "estimated_completion_time.time_period_value"),
                arguments("value 2.5", Map.of("time_period_value", 2.5, "time_period_uot", "DAYS"),
                        "estimated_completion_time.time_period_value"),
                arguments("value null", nullValue, "estimated_completion_time.time_period_value"),
                arguments("unit DECADES", period(2, "DECADES"), "estimated_completion_time.time_period_uot"),
                arguments("no unit", Map.of("time_period_value", 2), "estimated_completion_time.time_period_uot"),
                arguments("not an object", "2 WEEKS", "estimated_completion_time"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPeriods")
    void aBadEstimatedCompletionTimeIsInvalidParameter(String label, Object period, String description) {
        JsonNode lead = newLead(LONG_OVERDUE);

        refused(lead, update(lead, "estimated_completion_time", period), "INVALID_PARAMETER", 400, description);
    }

    @Test
    void estimatedCompletionTimeWithoutAStartDateIsInvalidParameter() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "estimated_completion_time", period(2, "WEEKS"), "description", "valid"),
                "INVALID_PARAMETER", 400, "estimated_completion_time");
    }
}
