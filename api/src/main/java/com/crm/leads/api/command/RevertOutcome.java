package com.crm.leads.api.command;

import com.crm.leads.api.event.LeadEvent;

import java.util.List;

/**
 * What a revert did, or on a dry run would do: the events that bring the lead back (none when it already stands as
 * it did), and the lead's version after them (on a dry run, the version it still has).
 */
public record RevertOutcome(long version, List<LeadEvent> events) {

    public RevertOutcome {
        events = List.copyOf(events);
    }
}
