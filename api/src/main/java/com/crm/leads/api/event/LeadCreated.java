package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import org.axonframework.serialization.Revision;

/**
 * A lead came into being with its identity and what it was created for. Initial field values follow as
 * {@link FieldChanged} events of the same call, so each field has one way to change.
 */
@Revision("1")
public record LeadCreated(
        LeadId leadId,
        String number,
        Reference type,
        Reference contact,
        Reference accountsReceivable,
        StatusReference status) implements LeadEvent {
}
