package com.crm.leads.api.event;

import com.crm.leads.api.LeadSet;
import com.crm.leads.api.SetRow;

/** A row left one of the lead's sets; the event keeps what the row held. */
public sealed interface RowRemoved extends LeadEvent permits CompetitorRemoved, UserRemoved, ProductRemoved {

    LeadSet set();

    SetRow row();
}
