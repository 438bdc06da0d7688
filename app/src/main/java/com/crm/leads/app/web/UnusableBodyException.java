package com.crm.leads.app.web;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;

/**
 * A body that is JSON but holds a value the service does not read: text that is not {@link UnicodeText usable}, or a
 * number longer than a number may be. Carries the value's path as a client writes it.
 */
public class UnusableBodyException extends JsonParseException {

    private final String parameter;

    public UnusableBodyException(JsonParser parser, String parameter, String message) {
        super(parser, message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
