package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.SetRow;
import org.axonframework.serialization.Revision;

/** A product was added to the lead's products set, as the row given. */
@Revision("1")
public record ProductAdded(LeadId leadId, SetRow row) implements RowAdded {

    @Override
    public LeadSet set() {
        return LeadSet.PRODUCTS;
    }
}
