package com.crm.leads.api.query;

/** Fetches one lead as it stands now; answered with an optional {@link LeadComplete}. */
public record FindLeadQuery(LeadLookup lookup) {
}
