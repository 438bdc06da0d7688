package com.crm.leads.api.event;

import com.crm.leads.api.LeadId;

/** Everything that can happen to a lead. The events are the only record of a lead. */
public sealed interface LeadEvent
        permits LeadCreated, FieldChanged, StatusChanged, LeadReopened, RowAdded, RowRemoved {

    LeadId leadId();
}
