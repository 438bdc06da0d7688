package com.crm.leads.query;

import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.query.FindLeadAsOfQuery;
import com.crm.leads.api.query.FindLeadHistoryQuery;
import com.crm.leads.api.query.FindLeadQuery;
import com.crm.leads.api.query.FindLeadsQuery;
import com.crm.leads.api.query.HistoryPage;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadLookup;
import com.crm.leads.api.query.LeadPage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.Optional;

/**
 * Answers questions about leads: the current lead from the read model; its past and its history from its events,
 * folded with the same {@link LeadFold} as the read model.
 */
@Component
class LeadQueryHandler {

    private final LeadViewRepository leads;
    private final LeadRenderer renderer;
    private final LeadEvents events;
    private final LeadHistory history;

    LeadQueryHandler(LeadViewRepository leads, LeadRenderer renderer, LeadEvents events, LeadHistory history) {
        this.leads = leads;
        this.renderer = renderer;
        this.events = events;
        this.history = history;
    }

    @QueryHandler
    Optional<LeadComplete> handle(FindLeadQuery query) {
        return find(query.lookup()).map(renderer::render);
    }

    @QueryHandler
    Optional<LeadComplete> handle(FindLeadAsOfQuery query) {
        return find(query.lookup()).flatMap(lead -> {
            LeadState past = null;
            Instant asOf = query.before();
            for (DomainEventMessage<LeadEvent> event : events.of(lead.leadId())) {
                boolean after = query.version() != null
                        ? event.getSequenceNumber() > query.version()
                        : !event.getTimestamp().isBefore(query.before());
                if (after) {
                    break;
                }
                past = LeadFold.apply(past, event);
                asOf = query.version() != null ? event.getTimestamp() : asOf;
            }
            boolean reached = past != null && (query.version() == null || past.version() == query.version());
            return reached ? Optional.of(renderer.render(past, asOf)) : Optional.empty();
        });
    }

    @QueryHandler
    LeadPage handle(FindLeadsQuery query) {
        LeadViewRepository.LeadRows rows = leads.list(query);
        return new LeadPage(rows.leads().stream().map(renderer::render).toList(), rows.total());
    }

    @QueryHandler
    Optional<HistoryPage> handle(FindLeadHistoryQuery query) {
        return find(query.lookup()).map(lead -> history.page(events.of(lead.leadId()), query));
    }

    private Optional<LeadState> find(LeadLookup lookup) {
        return lookup instanceof LeadLookup.ById byId
                ? leads.find(byId.leadId())
                : leads.findByNumber(((LeadLookup.ByNumber) lookup).number());
    }
}
