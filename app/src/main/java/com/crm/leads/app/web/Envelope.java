package com.crm.leads.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every response body: a status and the data, and for a list its paging beside the data (for the change feed, the
 * position to read on from). {@code data} is null on failure.
 */
public record Envelope<T>(Status status, T data, @JsonInclude(JsonInclude.Include.NON_NULL) Paging paging,
                          @JsonInclude(JsonInclude.Include.NON_NULL) String nextPosition) {

    public record Status(String code, String message, String description) {
    }

    /** Which page this is, its size, and how many records there are in all. */
    public record Paging(int page, int recordsPerPage, long total) {
    }

    private static final Status OK = new Status("OK", "", "");

    public static <T> Envelope<T> ok(T data) {
        return new Envelope<>(OK, data, null, null);
    }

    public static <T> Envelope<T> page(T data, Paging paging) {
        return new Envelope<>(OK, data, paging, null);
    }

    /** A page of the change feed, and the position after it. */
    public static <T> Envelope<T> feedPage(T data, String nextPosition) {
        return new Envelope<>(OK, data, null, nextPosition);
    }

    public static Envelope<Void> error(ErrorCode code, String message, String description) {
        return new Envelope<>(new Status(code.name(), message, description == null ? "" : description), null, null,
                null);
    }
}
