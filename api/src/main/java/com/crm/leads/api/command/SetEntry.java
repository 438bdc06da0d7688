package com.crm.leads.api.command;

import com.crm.leads.api.SetMember;
import com.crm.leads.api.SetRow;

/**
 * One entry of a set update, applied in the order given. A refused entry is named by its place in the command
 * ({@link LeadRuleViolation.Subject.SetEntry}).
 */
public sealed interface SetEntry {

    /** Adds a member, as the given row, unless the set already has it. */
    record Add(SetRow row) implements SetEntry {
    }

    /** Removes the row that holds this member. */
    record RemoveMember(SetMember member) implements SetEntry {
    }

    /** Removes the row with this id. */
    record RemoveRow(String rowId) implements SetEntry {
    }
}
