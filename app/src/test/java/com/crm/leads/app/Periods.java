package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Time periods as the contract writes them: {@code {"time_period_value": ..., "time_period_uot": ...}}. */
final class Periods {

    /** A lead that started on 2018-01-01 and was expected a month later: overdue by years, stable over a run. */
    static final Map<String, Object> LONG_OVERDUE = Map.of("start_date", "2018-01-01T00:00:00",
            "estimated_completion_time", period(1, "MONTHS"));

    private Periods() {
    }

    static Map<String, Object> period(long value, String unit) {
        return Map.of("time_period_value", value, "time_period_uot", unit);
    }

    static void assertPeriod(JsonNode period, long value, String unit) {
        assertThat(period.path("time_period_value").isIntegralNumber()).as("a whole value in %s", period).isTrue();
        assertThat(period.path("time_period_value").asLong()).as("value of %s", period).isEqualTo(value);
        assertThat(period.path("time_period_uot").asText()).as("unit of %s", period).isEqualTo(unit);
    }

    /** A period object whose value and unit are both present and null. */
    static void assertNoPeriod(JsonNode period) {
        assertThat(period.isObject()).as("a period object: %s", period).isTrue();
        assertThat(period.get("time_period_value")).as("value of %s", period).isNotNull();
        assertThat(period.get("time_period_value").isNull()).as("value of %s", period).isTrue();
        assertThat(period.get("time_period_uot")).as("unit of %s", period).isNotNull();
        assertThat(period.get("time_period_uot").isNull()).as("unit of %s", period).isTrue();
    }
}
