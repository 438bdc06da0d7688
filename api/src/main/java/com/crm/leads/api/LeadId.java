package com.crm.leads.api;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;

/**
 * A lead's identity: 32 upper-case hexadecimal characters, as CRM.COM writes its ids. Written as the bare string.
 */
public record LeadId(@JsonValue String value) {

    public LeadId {
        Objects.requireNonNull(value, "value");
        CrmIds.checked(value, "lead id");
    }

    public static LeadId random() {
        return new LeadId(CrmIds.random());
    }

    /** Axon takes the aggregate identifier from {@code toString()}. */
    @Override
    public String toString() {
        return value;
    }
}
