package com.crm.leads.app.web;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every response body: a status and the data, and for a list its paging beside the data. {@code data} is null on
 * failure.
 */
public record Envelope<T>(Status status, T data, @JsonInclude(JsonInclude.Include.NON_NULL) Paging paging) {

    public record Status(String code, String message, String description) {
    }

    /** Which page this is, its size, and how many records there are in all. */
    public record Paging(int page, int recordsPerPage, long total) {
    }

    private static final Status OK = new Status("OK", "", "");

    public static <T> Envelope<T> ok(T data) {
        return new Envelope<>(OK, data, null);
    }

    public static <T> Envelope<T> page(T data, Paging paging) {
        return new Envelope<>(OK, data, paging);
    }

    public static Envelope<Void> error(ErrorCode code, String message, String description) {
        return new Envelope<>(new Status(code.name(), message, description == null ? "" : description), null, null);
    }
}
