package com.crm.leads.api.command;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;

/**
 * One {@code leads/update} call. Only what the caller sent is here: a field not in {@code fieldUpdates}, a set
 * not in {@code setUpdates}, or a null {@code status}, was absent from the call and stays as it is. The billing
 * address (deprecated) counts only with a move to a status classified WON. With {@code expectedVersion}, the call
 * applies only to that version of the lead; the handler answers with the lead's version after the call.
 */
public record UpdateLeadCommand(
        @TargetAggregateIdentifier LeadId leadId,
        List<FieldUpdate> fieldUpdates,
        List<SetUpdate> setUpdates,
        StatusReference status,
        Reference lostReason,
        Reference billingAddress,
        Long expectedVersion,
        LeadAccess access) implements LeadCommand {

    public UpdateLeadCommand {
        Objects.requireNonNull(leadId, "leadId");
        fieldUpdates = List.copyOf(fieldUpdates);
        setUpdates = List.copyOf(setUpdates);
        Objects.requireNonNull(access, "access");
    }
}
