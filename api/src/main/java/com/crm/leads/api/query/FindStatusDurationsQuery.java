package com.crm.leads.api.query;

import com.crm.leads.api.LeadAccess;

/**
 * Fetches the time spent in each status: of one lead, or of all leads open to {@code access} when {@code lookup} is
 * null. Answered with an optional {@link StatusDurations}: empty when there is no such lead, or it is not open to
 * {@code access}.
 */
public record FindStatusDurationsQuery(LeadLookup lookup, LeadAccess access) {
}
