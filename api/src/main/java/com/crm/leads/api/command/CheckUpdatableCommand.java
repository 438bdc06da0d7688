package com.crm.leads.api.command;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Asks whether the lead takes updates at all, and changes nothing. The contract has a closed lead refuse every
 * update whatever its parameters, also parameters that cannot become an {@link UpdateLeadCommand}: the edge sends
 * this instead, so that refusal is still the lead's to make. Refused with {@code LEAD_CLOSED} by a closed lead;
 * answered with the lead's version by an open one.
 */
public record CheckUpdatableCommand(@TargetAggregateIdentifier LeadId leadId, LeadAccess access)
        implements LeadCommand {

    public CheckUpdatableCommand {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(access, "access");
    }
}
