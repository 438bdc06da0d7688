package com.crm.leads.api.command;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * One {@code leads/revert} call: every field, set and the status back to as they stood after the lead's event
 * {@code toVersion}, as new events that each name that version. With {@code expectedVersion}, only if the lead is
 * at it. A dry run stores nothing: its handler answers with the events a revert would make, and the lead's version
 * stays; otherwise it answers with the version after them.
 */
public record RevertLeadCommand(@TargetAggregateIdentifier LeadId leadId, long toVersion, Long expectedVersion,
                                boolean dryRun, LeadAccess access) implements LeadCommand {

    public RevertLeadCommand {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(access, "access");
    }
}
