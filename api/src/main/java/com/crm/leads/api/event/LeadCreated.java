package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import org.axonframework.serialization.Revision;

/**
 * A lead came into being with its identity and what it was created for. Initial field values follow as
 * {@link FieldChanged} events of the same call, so each field has one way to change.
 * <p>
 * Revision 2 names the contact {@code contactInformation}, as the API and the lead do; revision 1 called it
 * {@code contact}, and an upcaster renames it when an old event is read.
 */
@Revision("2")
public record LeadCreated(
        LeadId leadId,
        String number,
        Reference type,
        Reference contactInformation,
        Reference accountsReceivable,
        StatusReference status) implements LeadEvent {
}
