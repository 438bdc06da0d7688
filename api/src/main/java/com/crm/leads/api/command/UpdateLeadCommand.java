package com.crm.leads.api.command;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;

/**
 * One {@code leads/update} call. Only what the caller sent is here: a field not in {@code fieldUpdates}, or a
 * null {@code status} or {@code lostReason}, was absent from the call and stays as it is.
 */
public record UpdateLeadCommand(
        @TargetAggregateIdentifier LeadId leadId,
        List<FieldUpdate> fieldUpdates,
        StatusReference status,
        Reference lostReason) {

    public UpdateLeadCommand {
        Objects.requireNonNull(leadId, "leadId");
        fieldUpdates = List.copyOf(fieldUpdates);
    }
}
