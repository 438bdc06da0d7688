package com.crm.leads.query;

import com.crm.leads.api.query.FindLeadQuery;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadLookup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Answers questions about leads from the read model. */
@Component
class LeadQueryHandler {

    private final LeadViewRepository leads;
    private final LeadRenderer renderer;

    LeadQueryHandler(LeadViewRepository leads, LeadRenderer renderer) {
        this.leads = leads;
        this.renderer = renderer;
    }

    @QueryHandler
    Optional<LeadComplete> handle(FindLeadQuery query) {
        Optional<LeadState> lead = query.lookup() instanceof LeadLookup.ById byId
                ? leads.find(byId.leadId())
                : leads.findByNumber(((LeadLookup.ByNumber) query.lookup()).number());
        return lead.map(renderer::render);
    }
}
