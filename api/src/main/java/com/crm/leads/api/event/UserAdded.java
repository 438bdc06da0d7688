package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.SetRow;
import org.axonframework.serialization.Revision;

/** A user was added to the lead's users set, as the row given. */
@Revision("1")
public record UserAdded(LeadId leadId, SetRow row) implements RowAdded {

    @Override
    public LeadSet set() {
        return LeadSet.USERS;
    }
}
