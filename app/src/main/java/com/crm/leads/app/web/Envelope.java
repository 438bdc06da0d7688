package com.crm.leads.app.web;

/**
 * Every response body: a status and the data. {@code data} is null on failure.
 */
public record Envelope<T>(Status status, T data) {

    public record Status(String code, String message, String description) {
    }

    public static <T> Envelope<T> ok(T data) {
        return new Envelope<>(new Status("OK", "", ""), data);
    }

    public static Envelope<Void> error(ErrorCode code, String message, String description) {
        return new Envelope<>(new Status(code.name(), message, description == null ? "" : description), null);
    }
}
