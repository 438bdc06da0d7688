package com.crm.leads.api.query;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.event.LeadEvent;

import java.util.List;

/**
 * Fetches the lead as {@code events} would leave it, at the version it has now: what a dry run answers, with nothing
 * stored. Answered with an optional {@link LeadComplete}: empty when there is no such lead, or it is not open to
 * {@code access}.
 */
public record FindLeadAsIfQuery(LeadLookup lookup, List<LeadEvent> events, LeadAccess access) {

    public FindLeadAsIfQuery {
        events = List.copyOf(events);
    }
}
