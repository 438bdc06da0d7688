package com.crm.leads.app.web;

/**
 * A parameter's path as a client writes it, for the envelope's description: names joined by dots, list indexes in
 * brackets, such as {@code competitors_set[1].action}.
 */
public final class ParameterPath {

    private final StringBuilder written;

    private ParameterPath(String start) {
        this.written = new StringBuilder(start);
    }

    /** A path that starts at {@code parameter}, or at the body itself when it is empty. */
    public static ParameterPath under(String parameter) {
        return new ParameterPath(parameter);
    }

    public ParameterPath name(String name) {
        written.append(written.isEmpty() ? "" : ".").append(name);
        return this;
    }

    public ParameterPath index(int index) {
        written.append('[').append(index).append(']');
        return this;
    }

    @Override
    public String toString() {
        return written.toString();
    }
}
