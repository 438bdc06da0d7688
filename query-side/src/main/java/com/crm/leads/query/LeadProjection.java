package com.crm.leads.query;

import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code lead_view} in step with the events. It runs in {@link ProcessingGroups#LEAD_VIEW}, which the
 * application runs inside the command's transaction, so an answer read right after a command shows it.
 */
@Component
@ProcessingGroup(ProcessingGroups.LEAD_VIEW)
class LeadProjection {

    private final LeadViewRepository leads;

    LeadProjection(LeadViewRepository leads) {
        this.leads = leads;
    }

    @EventHandler
    void on(LeadEvent event, DomainEventMessage<LeadEvent> message) {
        apply(leads, message);
    }

    /** Folds one event into the lead stored in {@code target}: the live read model, or a rebuild's. */
    static void apply(LeadViewRepository target, DomainEventMessage<LeadEvent> message) {
        LeadEvent event = message.getPayload();
        if (event instanceof LeadCreated) {
            target.insert(LeadFold.apply(null, message));
        } else {
            LeadState before = target.find(event.leadId()).orElseThrow(() -> new IllegalStateException(
                    "event " + message.getSequenceNumber() + " of lead " + event.leadId() + " has no lead to apply to"));
            target.update(LeadFold.apply(before, message));
        }
    }
}
