package com.crm.leads.query;

import com.crm.leads.api.event.LeadEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps {@code lead_view} and the leads' history ({@link HistoryChanges}) in step with the events. It runs in
 * {@link ProcessingGroups#LEAD_VIEW}, which the application runs inside the command's transaction, so an answer read right after a command shows it. The events
 * a command stored arrive together in one unit of work; each lead is written once, when that unit commits, and
 * kept as written once the transaction has committed, so the answer to the command and the next command on the
 * lead need not read it back.
 */
@Component
@ProcessingGroup(ProcessingGroups.LEAD_VIEW)
class LeadProjection {

    private static final String CHANGES = LeadViewChanges.class.getName();

    private final LeadViewRepository leads;
    private final HistoryWriter history;

    LeadProjection(LeadViewRepository leads, HistoryWriter history) {
        this.leads = leads;
        this.history = history;
    }

    @EventHandler
    void on(LeadEvent event, DomainEventMessage<LeadEvent> message, UnitOfWork<?> unitOfWork) {
        unitOfWork.getOrComputeResource(CHANGES, key -> {
            LeadViewChanges changes = new LeadViewChanges(leads, history.changes());
            unitOfWork.onPrepareCommit(committing -> {
                List<LeadState> written = changes.write();
                committing.afterCommit(committed -> leads.committed(written));
            });
            return changes;
        }).apply(message);
    }
}
