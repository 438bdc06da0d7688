package com.crm.leads.api.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;

import java.time.Instant;
import java.util.List;

/**
 * One event of a lead as the change feed gives it: where it stands in the feed, which lead, what it changed in the
 * history's terms (one entry, or several for an event that changes several things at once, such as the creation),
 * and who made it, where, when and in which request; for a revert's event, the version it went back to.
 */
public record LeadChange(FeedPosition position, LeadId leadId, String leadNumber, long sequenceNumber,
                         HistoryEntry.Event event, String eventId, List<Entry> entries, User performedByUser,
                         Unit performedByUnit, Instant performedDate, String requestId, Long revertedTo) {

    public LeadChange {
        entries = List.copyOf(entries);
    }

    /** One thing the event changed, its value before (null where there was none) and after. */
    public record Entry(HistoryEntry.Changed changed, Object oldValue, Object newValue) {
    }
}
