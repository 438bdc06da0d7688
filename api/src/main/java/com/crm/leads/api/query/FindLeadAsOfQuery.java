package com.crm.leads.api.query;

import java.time.Instant;

/**
 * Fetches a lead exactly as it stood after its event number {@code version}, or after all its events from before
 * {@code before}: give one of the two. Answered with an optional {@link LeadComplete}; empty when the lead did not
 * exist then.
 */
public record FindLeadAsOfQuery(LeadLookup lookup, Long version, Instant before) {
}
