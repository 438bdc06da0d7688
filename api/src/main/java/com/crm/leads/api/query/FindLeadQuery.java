package com.crm.leads.api.query;

import com.crm.leads.api.LeadAccess;

/**
 * Fetches one lead as it stands now; answered with an optional {@link LeadComplete}, empty also when the lead is not
 * open to {@code access}.
 */
public record FindLeadQuery(LeadLookup lookup, LeadAccess access) {
}
