package com.crm.leads.api;

import java.util.Objects;
import java.util.regex.Pattern;

/** One row of a lead's set: its own id (32 upper-case hex, as CRM.COM writes ids) and its member. */
public record SetRow(String rowId, SetMember member) {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-F]{32}");

    public SetRow {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(member, "member");
        if (!FORMAT.matcher(rowId).matches()) {
            throw new IllegalArgumentException("a row id is 32 upper-case hexadecimal characters: " + rowId);
        }
    }
}
