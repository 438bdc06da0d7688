package com.crm.leads.api.query;

import com.crm.leads.api.LeadId;

import java.util.Objects;

/** How a client names a lead: by its id or by its number, never both. */
public sealed interface LeadLookup {

    record ById(LeadId leadId) implements LeadLookup {
        public ById {
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    record ByNumber(String number) implements LeadLookup {
        public ByNumber {
            Objects.requireNonNull(number, "number");
        }
    }
}
