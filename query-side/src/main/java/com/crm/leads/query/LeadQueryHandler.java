package com.crm.leads.query;

import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.query.FindLeadAsIfQuery;
import com.crm.leads.api.query.FindLeadAsOfQuery;
import com.crm.leads.api.query.FindLeadHistoryQuery;
import com.crm.leads.api.query.FindLeadQuery;
import com.crm.leads.api.query.StatusUsedQuery;
import com.crm.leads.api.query.FindLeadsQuery;
import com.crm.leads.api.query.HistoryPage;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadPage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.Optional;

/**
 * Answers questions about leads: the current lead from the read model; its history from the history entries the
 * projection keeps; its past from the last checkpoint before it and the events after, folded by {@link LeadState}
 * as the read model is.
 */
@Component
class LeadQueryHandler {

    private final LeadViewRepository leads;
    private final LeadList list;
    private final LeadRenderer renderer;
    private final LeadEvents events;
    private final LeadHistory history;
    private final LeadHistoryRepository checkpoints;

    LeadQueryHandler(LeadViewRepository leads, LeadList list, LeadRenderer renderer, LeadEvents events,
                     LeadHistory history, LeadHistoryRepository checkpoints) {
        this.leads = leads;
        this.list = list;
        this.renderer = renderer;
        this.events = events;
        this.history = history;
        this.checkpoints = checkpoints;
    }

    @QueryHandler
    Boolean handle(StatusUsedQuery query) {
        return checkpoints.statusUsed(query.statusId());
    }

    @QueryHandler
    Optional<LeadComplete> handle(FindLeadQuery query) {
        return leads.find(query.lookup(), query.access()).map(renderer::render);
    }

    @QueryHandler
    Optional<LeadComplete> handle(FindLeadAsIfQuery query) {
        return leads.find(query.lookup(), query.access())
                .map(lead -> renderer.render(lead.asIf(query.events(), lead.updated().date())));
    }

    /**
     * The lead as it is, or as a recent call left it and kept since; otherwise folded from the last checkpoint before the moment
     * asked for, reading only the events after it (fewer than a checkpoint interval) and stopping at the moment.
     */
    @QueryHandler
    Optional<LeadComplete> handle(FindLeadAsOfQuery query) {
        return leads.find(query.lookup(), query.access()).flatMap(lead -> {
            Optional<LeadState> kept = query.version() == null ? Optional.empty()
                    : lead.version() == query.version() ? Optional.of(lead)
                    : leads.folded(lead.leadId(), query.version());
            if (kept.isPresent()) {
                return kept.map(past -> renderer.render(past, past.updated().date()));
            }
            Optional<LeadHistoryRepository.Checkpoint> checkpoint = query.version() != null
                    ? checkpoints.checkpointAtOrBefore(lead.leadId(), query.version())
                    : checkpoints.checkpointBefore(lead.leadId(), query.before());
            LeadState past = checkpoint.map(LeadHistoryRepository.Checkpoint::state).orElse(null);
            Iterator<DomainEventMessage<LeadEvent>> later =
                    events.from(lead.leadId(), past == null ? 0 : past.version() + 1).iterator();
            while (later.hasNext()) {
                DomainEventMessage<LeadEvent> event = later.next();
                boolean after = query.version() != null
                        ? event.getSequenceNumber() > query.version()
                        : !event.getTimestamp().isBefore(query.before());
                if (after) {
                    break;
                }
                past = past == null ? LeadState.start(event) : past.apply(event);
            }
            boolean reached = past != null && (query.version() == null || past.version() == query.version());
            // as of a version, the lead reads as it did right after that event
            return reached ? Optional.of(renderer.render(past,
                    query.version() != null ? past.updated().date() : query.before())) : Optional.empty();
        });
    }

    @QueryHandler
    LeadPage handle(FindLeadsQuery query) {
        LeadList.Page page = list.page(query);
        return new LeadPage(page.leads().stream().map(renderer::render).toList(), page.total());
    }

    @QueryHandler
    Optional<HistoryPage> handle(FindLeadHistoryQuery query) {
        return leads.find(query.lookup(), query.access()).map(lead -> history.page(lead, query));
    }
}
