package com.crm.leads.api.command;

import com.crm.leads.api.LeadSet;

import java.util.List;
import java.util.Objects;

/** The changes a call makes to one set: emptied first when {@code clear} (the set was sent as null), then entries. */
public record SetUpdate(LeadSet set, boolean clear, List<SetEntry> entries) {

    public SetUpdate {
        Objects.requireNonNull(set, "set");
        entries = List.copyOf(entries);
    }

    public static SetUpdate emptied(LeadSet set) {
        return new SetUpdate(set, true, List.of());
    }

    public static SetUpdate of(LeadSet set, List<SetEntry> entries) {
        return new SetUpdate(set, false, entries);
    }
}
