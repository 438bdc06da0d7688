package com.crm.leads.app.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * How much one call may ask of the service (contract section 12), under {@code leads.limits.*}. Past a limit a call
 * is refused, naming the parameter, and changes nothing.
 *
 * @param setEntries      the set entries one call carries at most, in all its sets together
 * @param earliestDate    the first day a date may name
 * @param latestDate      the last day a date may name
 * @param longestPeriodYears the longest time period, in years (a month is a twelfth of a year, a year 365.2425 days)
 * @param largestNumber   the largest magnitude of a number without a range of its own (target_amount, the udf
 *                        floats); numbers are read as 64-bit floating point, which holds every whole number up to
 *                        the default exactly
 * @param requestIdLength the longest request id ({@code request_id}, {@code Idempotency-Key}); its column holds 200
 */
@Validated
@ConfigurationProperties("leads.limits")
public record InputLimits(
        @DefaultValue("100") @Positive int setEntries,
        @DefaultValue("1900-01-01") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate earliestDate,
        @DefaultValue("9999-12-31") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate latestDate,
        @DefaultValue("100") @Positive int longestPeriodYears,
        @DefaultValue("1E+15") @Positive BigDecimal largestNumber,
        @DefaultValue("200") @Min(1) @Max(200) int requestIdLength) {

    public boolean holds(LocalDateTime date) {
        return !date.isBefore(earliestDate.atStartOfDay()) && date.isBefore(latestDate.plusDays(1).atStartOfDay());
    }

    public String dateRange() {
        return "a date from " + earliestDate + " to " + latestDate;
    }

    public boolean holds(BigDecimal number) {
        return number.abs().compareTo(largestNumber) <= 0;
    }

    /** Whether {@code count} of {@code unit} is no longer than the longest period; never overflows. */
    public boolean holds(long count, ChronoUnit unit) {
        Duration longest = ChronoUnit.YEARS.getDuration().multipliedBy(longestPeriodYears);
        return count <= longest.dividedBy(unit.getDuration());
    }
}
