package com.crm.leads.api.query;

import com.crm.leads.api.LeadAccess;

import java.time.Instant;

/**
 * Fetches a lead exactly as it stood after its event number {@code version}, or after all its events from before
 * {@code before}: give one of the two. Answered with an optional {@link LeadComplete}; empty when the lead did not
 * exist then, or is not open to {@code access} now.
 */
public record FindLeadAsOfQuery(LeadLookup lookup, Long version, Instant before, LeadAccess access) {
}
