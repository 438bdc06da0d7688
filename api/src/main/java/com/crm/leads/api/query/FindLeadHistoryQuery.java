package com.crm.leads.api.query;

import java.time.Instant;

/**
 * Fetches the audit trail of one lead, oldest change first, one page of it. Every filter is optional: {@code field}
 * (a field's name as a lead shows it), {@code user} (a user's id or username), and the dates, from
 * {@code fromDate} up to, not including, {@code before}.
 * Answered with an optional {@link HistoryPage}: empty when there is no such lead.
 */
public record FindLeadHistoryQuery(LeadLookup lookup, String field, String user, Instant fromDate, Instant before,
                                   int page, int recordsPerPage) {
}
