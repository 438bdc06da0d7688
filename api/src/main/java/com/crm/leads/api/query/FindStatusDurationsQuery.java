package com.crm.leads.api.query;

/**
 * Fetches the time spent in each status: of one lead, or of all leads when {@code lookup} is null. Answered with
 * {@link StatusDurations}.
 */
public record FindStatusDurationsQuery(LeadLookup lookup) {
}
