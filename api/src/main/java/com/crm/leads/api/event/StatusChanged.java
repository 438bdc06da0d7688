package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import org.axonframework.serialization.Revision;

/**
 * The lead moved from one status to another. {@code to} carries the classification; a move to a LOST status
 * carries its lost reason, and a move to a WON status the billing address given with it, if any. The event's timestamp is the lead's actual completion date when the move closes it.
 */
@Revision("1")
public record StatusChanged(LeadId leadId, StatusReference from, StatusReference to, Reference lostReason,
                            Reference billingAddress) implements LeadEvent {
}
