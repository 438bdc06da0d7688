package com.crm.leads.api.command;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;

import java.util.Objects;

/** One field of an update: set it to {@code value}, or clear it when {@code value} is null. */
public record FieldUpdate(LeadField field, FieldValue value) {

    public FieldUpdate {
        Objects.requireNonNull(field, "field");
    }

    public static FieldUpdate set(LeadField field, FieldValue value) {
        return new FieldUpdate(field, Objects.requireNonNull(value, "value"));
    }

    public static FieldUpdate clear(LeadField field) {
        return new FieldUpdate(field, null);
    }
}
