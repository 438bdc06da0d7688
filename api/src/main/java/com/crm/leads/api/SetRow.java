package com.crm.leads.api;

import java.util.Objects;

/** One row of a lead's set: its own id (32 upper-case hex, as CRM.COM writes ids) and its member. */
public record SetRow(String rowId, SetMember member) {

    public SetRow {
        Objects.requireNonNull(rowId, "rowId");
        Objects.requireNonNull(member, "member");
        CrmIds.checked(rowId, "row id");
    }
}
