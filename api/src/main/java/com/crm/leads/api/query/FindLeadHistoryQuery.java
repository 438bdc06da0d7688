package com.crm.leads.api.query;

import com.crm.leads.api.LeadAccess;

import java.time.Instant;
import java.util.Set;

/**
 * Fetches the audit trail of one lead, oldest change first, one page of it. Every filter is optional (null):
 * {@code changed} (entries about one of these only; an empty set matches none), {@code user} (a user's id or
 * username), and the dates, from {@code fromDate} up to, not including, {@code before}.
 * Answered with an optional {@link HistoryPage}: empty when there is no such lead, or it is not open to
 * {@code access}.
 */
public record FindLeadHistoryQuery(LeadLookup lookup, Set<HistoryEntry.Changed> changed, String user,
                                   Instant fromDate, Instant before, int page, int recordsPerPage,
                                   LeadAccess access) {
}
