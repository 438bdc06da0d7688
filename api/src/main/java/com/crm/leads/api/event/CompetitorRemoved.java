package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.SetRow;
import org.axonframework.serialization.Revision;

/** A competitor was removed from the lead's competitors set, as the row given. */
@Revision("1")
public record CompetitorRemoved(LeadId leadId, SetRow row) implements RowRemoved {

    @Override
    public LeadSet set() {
        return LeadSet.COMPETITORS;
    }
}
