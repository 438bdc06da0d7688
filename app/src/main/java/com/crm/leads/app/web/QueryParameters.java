package com.crm.leads.app.web;

import com.crm.leads.app.config.JsonConfiguration;
import jakarta.servlet.http.HttpServletRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Set;

/**
 * The query string of a GET method: its parameters and nothing else, so a typo is never silently ignored, each
 * read the way the JSON bodies are.
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static void allowOnly(HttpServletRequest request, Set<String> parameters) {
        request.getParameterMap().keySet().stream()
                .filter(name -> !parameters.contains(name))
                .sorted()
                .findFirst()
                .ifPresent(unknown -> {
                    throw ApiException.invalidParameter(unknown, unknown + " is not a parameter of this method");
                });
    }

    /** A date parameter, {@code yyyy-MM-dd'T'HH:mm:ss} or {@code yyyy-MM-dd}, in the service's zone. */
    public static Instant date(String name, String value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value, JsonConfiguration.DATE_PARAMETER).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, name + " must be a date written yyyy-MM-dd'T'HH:mm:ss or yyyy-MM-dd");
        }
    }

    /**
     * The end of a date range that includes the date given, to the precision it was written in: all of a day
     * written {@code yyyy-MM-dd}, all of a second written with its time. Exclusive, so a range ends before it.
     */
    public static Instant dateEnd(String name, String value, ZoneId zone) {
        Instant start = date(name, value, zone);
        if (start == null) {
            return null;
        }
        return start.plus(value.contains("T") ? Duration.ofSeconds(1) : Duration.ofDays(1));
    }

    /** One of an enum's values, written as its name; null when absent. */
    public static <E extends Enum<E>> E choice(String name, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidParameter(name, name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when absent. */
    public static int number(String name, String value, int fallback, int min, int max) {
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // refused below, as any other value out of range
        }
        throw ApiException.invalidParameter(name, name + " must be a whole number from " + min + " to " + max);
    }
}
