package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.Periods.LONG_OVERDUE;
import static com.crm.leads.app.Periods.assertNoPeriod;
import static com.crm.leads.app.Periods.assertPeriod;
import static com.crm.leads.app.Periods.period;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code time_to_completion} and {@code time_overdue} (LEADS-API.md, section 7): the time left or past the expected
 * completion date, in the largest whole unit, and neither once the lead is closed.
 */
class TimeToCompletionApiTest extends ApiTest {

    static Stream<Arguments> timesLeft() {
        // the start is now, to the second, so a moment of the period has passed by the time the lead is shown
        return Stream.of(
                arguments(3, "DAYS", 2, "DAYS"),
                arguments(1, "DAYS", 23, "HOURS"),
                arguments(2, "WEEKS", 1, "WEEKS"),
                arguments(2, "MONTHS", 1, "MONTHS"),
                arguments(2, "YEARS", 1, "YEARS"),
                arguments(5, "HOURS", 4, "HOURS"),
                arguments(30, "MINUTES", 29, "MINUTES"));
    }

    @ParameterizedTest(name = "estimated {0} {1} from now leaves {2} {3}")
    @MethodSource("timesLeft")
    void timeToCompletionIsTheTimeLeftInTheLargestWholeUnitAndTimeOverdueIsNull(
            int value, String unit, int left, String leftUnit) {
        String now = written(nowUtc());

        JsonNode lead = newLead(Map.of("start_date", now, "estimated_completion_time", period(value, unit)));

        assertPeriod(lead.path("time_to_completion"), left, leftUnit);
        assertNoPeriod(lead.path("time_overdue"));
        JsonNode shown = show(admin, lead).ok().data();
        assertPeriod(shown.path("time_to_completion"), left, leftUnit);
        assertNoPeriod(shown.path("time_overdue"));

        // An open lead with minutes left answers differently from one minute to the next; closed, it stops
        // counting, so tests that compare every lead's answers over time (MaintenanceApiTest) find it stable.
        sendUpdate(update(lead, "status_identifier", Map.of("name", "Won"))).ok();
    }

    @Test
    void timeOverdueIsTheTimePastTheExpectedDateInTheLargestWholeUnitAndTimeToCompletionIsNull() {
        JsonNode lead = newLead(LONG_OVERDUE);
        assertThat(lead.path("expected_completion_date").asText()).isEqualTo("2018-02-01T00:00:00");

        long years = ChronoUnit.YEARS.between(LocalDateTime.parse("2018-02-01T00:00:00"), nowUtc());
        assertPeriod(lead.path("time_overdue"), years, "YEARS");
        assertNoPeriod(lead.path("time_to_completion"));
        assertPeriod(show(admin, lead).ok().data().path("time_overdue"), years, "YEARS");
    }

    @Test
    void timeOverdueOfALeadAFewDaysLateIsInDays() {
        LocalDateTime start = nowUtc().minusDays(13).truncatedTo(ChronoUnit.SECONDS);

        JsonNode lead = newLead(Map.of("start_date", written(start), "estimated_completion_time", period(10, "DAYS")));

        assertPeriod(lead.path("time_overdue"), 3, "DAYS");
        assertNoPeriod(lead.path("time_to_completion"));
    }

    static Stream<Arguments> closingMoves() {
        return Stream.of(
                arguments("Won", Map.of("status_identifier", Map.of("name", "Won"))),
                arguments("Lost", Map.of("status_identifier", Map.of("name", "Lost"),
                        "lost_reason_identifier", Map.of("name", "Price"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closingMoves")
    void timeToCompletionAndTimeOverdueAreNullOnceTheLeadIsClosed(String status, Map<String, Object> move) {
        JsonNode late = newLead(LONG_OVERDUE);
        JsonNode early = newLead(Map.of("start_date", written(nowUtc()),
                "estimated_completion_time", period(3, "DAYS")));
        assertThat(late.path("time_overdue").path("time_period_value").isNull()).isFalse();
        assertThat(early.path("time_to_completion").path("time_period_value").isNull()).isFalse();

        for (JsonNode lead : List.of(late, early)) {
            ObjectNode request = updateOf(supervisor, lead);
            request.setAll((ObjectNode) json.valueToTree(move));
            JsonNode closed = applied(request);

            assertThat(closed.path("status").path("name").asText()).isEqualTo(status);
            assertNoPeriod(closed.path("time_to_completion"));
            assertNoPeriod(closed.path("time_overdue"));
            assertThat(closed.path("expected_completion_date")).isEqualTo(lead.path("expected_completion_date"));
        }
    }
}
