package com.crm.leads.api.event;

import com.crm.leads.api.LeadSet;
import com.crm.leads.api.SetRow;

/** A row joined one of the lead's sets. */
public sealed interface RowAdded extends LeadEvent permits CompetitorAdded, UserAdded, ProductAdded {

    LeadSet set();

    SetRow row();
}
