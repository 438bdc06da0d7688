package com.crm.leads.api.event;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import org.axonframework.serialization.Revision;

/** One field took a new value; a null value means unset. Readable on its own by an auditor. */
@Revision("1")
public record FieldChanged(LeadId leadId, LeadField field, FieldValue oldValue, FieldValue newValue)
        implements LeadEvent {
}
