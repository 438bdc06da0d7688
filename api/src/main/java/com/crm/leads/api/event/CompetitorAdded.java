package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.SetRow;
import org.axonframework.serialization.Revision;

/** A competitor was added to the lead's competitors set, as the row given. */
@Revision("1")
public record CompetitorAdded(LeadId leadId, SetRow row) implements RowAdded {

    @Override
    public LeadSet set() {
        return LeadSet.COMPETITORS;
    }
}
