package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The rules of the scalar parameters of {@code leads/update} (LEADS-API.md, section 5): a value outside them is
 * {@code INVALID_PARAMETER} naming the parameter and changes nothing; a value at their edge is accepted.
 */
class LeadUpdateValidationApiTest extends ApiTest {

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                arguments("contact_email", "not-an-email", "not-an-email"),
                arguments("contact_email", "", "empty"),
                arguments("contact_email", 5, "a number"),
                arguments("contact_phone", "12", "12"),
                arguments("contact_phone", "abc123", "abc123"),
                arguments("contact_phone", "1".repeat(31), "31 digits"),
                arguments("description", "d".repeat(4001), "4001 characters"),
                arguments("probability_to_win", -1, "-1"),
                arguments("probability_to_win", 101, "101"),
                arguments("probability_to_win", new BigDecimal("100.01"), "100.01"),
                arguments("importance", "IMPORTANCE9", "IMPORTANCE9"),
                arguments("priority", 0, "0"),
                arguments("priority", 7, "7"),
                arguments("priority", 2.5, "2.5"),
                arguments("priority", "3", "text 3"),
                arguments("priority", new BigInteger("99999999999999999999999"), "beyond a whole number's range"),
                arguments("target_amount", new BigDecimal("-0.01"), "-0.01"),
                arguments("udf_string_1", "u".repeat(256), "256 characters"),
                arguments("udf_string_8", "u".repeat(256), "256 characters"),
                arguments("udf_date_1", "yesterday", "yesterday"),
                arguments("udf_date_1", "2020-02-03T25:00:00", "hour 25"),
                arguments("udf_float_1", "abc", "abc"),
                arguments("udf_float_1", true, "true"));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("invalidValues")
    void anInvalidValueIsInvalidParameterNamingTheParameterAndChangesNothing(
            String parameter, Object value, String label) {
        JsonNode lead = leadWithNumbersAndDates();

        refused(lead, update(lead, parameter, value), "INVALID_PARAMETER", 400, parameter);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"udf_date_1, 2020-02-30", "udf_date_2, 2021-04-31T10:00:00", "start_date, 2021-02-29"})
    void aDayThatItsMonthDoesNotHaveIsInvalidParameterNotMovedToTheEndOfTheMonth(
            String parameter, String date) {
        JsonNode lead = leadWithNumbersAndDates();

        refused(lead, update(lead, parameter, date), "INVALID_PARAMETER", 400, parameter);
    }

    static Stream<Arguments> emptyTexts() {
        return Stream.of(
                arguments("probability_to_win", ""),
                arguments("probability_to_win", "  "),
                arguments("target_amount", ""),
                arguments("udf_float_1", ""),
                arguments("priority", ""),
                arguments("udf_date_1", ""),
                arguments("start_date", ""));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("emptyTexts")
    void emptyTextForANumberOrADateIsInvalidParameterAndDoesNotClearTheField(
            String parameter, String text) {
        JsonNode lead = leadWithNumbersAndDates();

        refused(lead, update(lead, parameter, text), "INVALID_PARAMETER", 400, parameter);
    }

    static Stream<Arguments> datesNotWrittenAsText() {
        return Stream.of(
                arguments("udf_date_1", List.of(2020, 2, 3, 10, 0), "a list of numbers"),
                arguments("start_date", 1580724000000L, "a number"));
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("datesNotWrittenAsText")
    void aDateThatIsNotWrittenAsTextIsInvalidParameter(String parameter, Object value, String label) {
        JsonNode lead = leadWithNumbersAndDates();

        refused(lead, update(lead, parameter, value), "INVALID_PARAMETER", 400, parameter);
    }

    static Stream<Arguments> boundaryValues() {
        return Stream.of(
                arguments("description", "d".repeat(4000), "d".repeat(4000), "4000 characters"),
                arguments("probability_to_win", 0, 0, "0"),
                arguments("probability_to_win", 100, 100, "100"),
                arguments("priority", 1, 1, "1"),
                arguments("target_amount", 0, 0, "0"),
                arguments("udf_string_1", "u".repeat(255), "u".repeat(255), "255 characters"),
                arguments("contact_phone", "123", "123", "3 digits"),
                arguments("contact_phone", "1".repeat(30), "1".repeat(30), "30 digits"),
                arguments("importance", "IMPORTANCE1", "IMPORTANCE1", "IMPORTANCE1"),
                arguments("importance", "CUSTOM3", "CUSTOM3", "CUSTOM3"),
                arguments("udf_date_1", "2020-02-03", "2020-02-03T00:00:00", "2020-02-03"),
                arguments("udf_date_1", "2020-02-29T23:59:59", "2020-02-29T23:59:59", "2020-02-29T23:59:59"));
    }

    @ParameterizedTest(name = "{0} = {3}")
    @MethodSource("boundaryValues")
    void aValueAtTheEdgeOfItsRangeIsAccepted(String parameter, Object value, Object shown, String label) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, parameter, value));

        assertShown(answer, parameter, shown);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    @Test
    void anUnknownParameterIsInvalidParameterNamingItAndChangesNothing() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "description", "valid", "contact_emial", "typo@example.com"),
                "INVALID_PARAMETER", 400, "contact_emial");
    }

    /** A lead with a value in every field that a refused value could clear by mistake. */
    private JsonNode leadWithNumbersAndDates() {
        return newLead(Map.of("probability_to_win", 30, "target_amount", 10, "udf_float_1", 1.5,
                "udf_date_1", "2020-01-01T00:00:00", "udf_date_2", "2020-01-01T00:00:00",
                "start_date", "2020-01-01T00:00:00", "contact_email", "set@example.com"));
    }
}
