package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.StatusReference;

/**
 * A closed lead (its status classified WON or LOST) moved back to a status classified PENDING, for a reason: it
 * takes updates again, and has no actual completion date until it closes anew.
 */
public record LeadReopened(LeadId leadId, StatusReference from, StatusReference to, String reason)
        implements LeadEvent {
}
