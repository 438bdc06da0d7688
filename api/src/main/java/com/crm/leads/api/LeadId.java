package com.crm.leads.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A lead's identity: 32 upper-case hexadecimal characters, as CRM.COM writes its ids. Written as the bare string.
 */
public record LeadId(@JsonValue String value) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-F]{32}");

    public LeadId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("a lead id is 32 upper-case hexadecimal characters: " + value);
        }
    }

    public static LeadId random() {
        return new LeadId(UUID.randomUUID().toString().replace("-", "").toUpperCase());
    }

    /** Axon takes the aggregate identifier from {@code toString()}. */
    @Override
    public String toString() {
        return value;
    }
}
