package com.crm.leads.api.command;

import com.crm.leads.api.SetMember;
import com.crm.leads.api.SetRow;

/**
 * One entry of a set update, applied in the order given. {@code parameter} is the entry's path in the request
 * ({@code competitors_set[1]}), so a refused entry can be named.
 */
public sealed interface SetEntry {

    String parameter();

    /** Adds a member, as the given row, unless the set already has it. */
    record Add(String parameter, SetRow row) implements SetEntry {
    }

    /** Removes the row that holds this member. */
    record RemoveMember(String parameter, SetMember member) implements SetEntry {
    }

    /** Removes the row with this id. */
    record RemoveRow(String parameter, String rowId) implements SetEntry {
    }
}
