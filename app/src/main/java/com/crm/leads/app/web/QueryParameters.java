package com.crm.leads.app.web;

import com.crm.leads.app.config.InputLimits;
import com.crm.leads.app.config.JsonConfiguration;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /**
     * A date parameter, {@code yyyy-MM-dd'T'HH:mm:ss} or {@code yyyy-MM-dd}, in the service's zone, within the
     * limits' dates.
     */
    public static Instant date(String name, String value, ZoneId zone, InputLimits limits) {
        if (value == null) {
            return null;
        }
        LocalDateTime date;
        try {
            date = LocalDateTime.parse(value, JsonConfiguration.DATE_PARAMETER);
        } catch (DateTimeParseException e) {
            throw ApiException.invalidParameter(name, name + " must be a date written yyyy-MM-dd'T'HH:mm:ss or yyyy-MM-dd");
        }
        if (!limits.holds(date)) {
            throw ApiException.invalidParameter(name, name + " must be " + limits.dateRange());
        }
        return date.atZone(zone).toInstant();
    }

    /**
     * The end of a date range that includes the date given, to the precision it was written in: all of a day
     * written {@code yyyy-MM-dd}, all of a second written with its time. Exclusive, so a range ends before it.
     */
    public static Instant dateEnd(String name, String value, ZoneId zone, InputLimits limits) {
        Instant start = date(name, value, zone, limits);
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

    /** {@code true} or {@code false}; {@code fallback} when absent. */
    public static boolean flag(String name, String value, boolean fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw ApiException.invalidParameter(name, name + " must be true or false");
    }

    /**
     * An identifier written the CRM.COM way for query strings, {@code number=19}, as the identifier object
     * {@code {"number": "19"}}; without an {@code =} it is an empty object, which names nothing.
     */
    public static ObjectNode identifier(String written) {
        ObjectNode identifier = JsonNodeFactory.instance.objectNode();
        int equals = written.indexOf('=');
        if (equals > 0) {
            identifier.put(written.substring(0, equals), written.substring(equals + 1));
        }
        return identifier;
    }

    /** A page of a list: its number, from 1, and its size. */
    public record Page(int number, int size) {
    }

    /**
     * {@code page} and {@code records_per_page}, such that the page's last record is one the store can address (its
     * offsets are whole numbers of 32 bits); a page past the last record is simply empty.
     */
    public static Page page(String page, String recordsPerPage, int defaultSize, int maxSize) {
        int size = number("records_per_page", recordsPerPage, defaultSize, 1, maxSize);
        return new Page(number("page", page, 1, 1, Integer.MAX_VALUE / size), size);
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
