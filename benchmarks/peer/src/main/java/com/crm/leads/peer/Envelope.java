package com.crm.leads.peer;

/** Every response body, as the CRM.COM API shapes it: a status, and the data ({@code null} on failure). */
record Envelope<T>(Status status, T data) {

    record Status(String code, String message) {
    }

    static <T> Envelope<T> ok(T data) {
        return new Envelope<>(new Status("OK", ""), data);
    }

    static Envelope<Void> error(String message) {
        return new Envelope<>(new Status("ERROR", message), null);
    }
}
