package com.crm.leads.api.command;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Objects;

/**
 * Creates a lead. Catalogue references arrive resolved; {@code fieldUpdates} holds the initial values of the
 * fields that were given (a field left out starts unset), {@code setUpdates} the rows the lead starts with.
 * A lost reason is never valid here, but it is the aggregate that says so, as it does for updates. The handler
 * answers with the new lead's version.
 */
public record CreateLeadCommand(
        @TargetAggregateIdentifier LeadId leadId,
        String number,
        Reference type,
        Reference contact,
        Reference accountsReceivable,
        StatusReference status,
        Reference lostReason,
        List<FieldUpdate> fieldUpdates,
        List<SetUpdate> setUpdates,
        LeadAccess access) implements LeadCommand {

    public CreateLeadCommand {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(status, "status");
        fieldUpdates = List.copyOf(fieldUpdates);
        setUpdates = List.copyOf(setUpdates);
        Objects.requireNonNull(access, "access");
    }
}
