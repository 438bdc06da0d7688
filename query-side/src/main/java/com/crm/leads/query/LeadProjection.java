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
        if (event instanceof LeadCreated) {
            leads.insert(LeadFold.apply(null, message));
        } else {
            LeadState before = leads.find(event.leadId()).orElseThrow(() -> new IllegalStateException(
                    "event " + message.getSequenceNumber() + " of lead " + event.leadId() + " has no lead to apply to"));
            leads.update(LeadFold.apply(before, message));
        }
    }
}
