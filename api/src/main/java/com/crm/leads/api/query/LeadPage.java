package com.crm.leads.api.query;

import java.util.List;

/** One page of leads, and how many leads match the filters in all. */
public record LeadPage(List<LeadComplete> leads, long total) {

    public LeadPage {
        leads = List.copyOf(leads);
    }
}
