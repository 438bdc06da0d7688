package com.crm.leads.api.command;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.StatusReference;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * One {@code leads/reopen} call: a closed lead back to {@code status}, which must be classified PENDING, for
 * {@code reason}. Only an administrator or the lead's owner reopens it: {@code userId} is the caller, and
 * {@code administrator} whether it is one. Answered with the lead's version after it.
 */
public record ReopenLeadCommand(@TargetAggregateIdentifier LeadId leadId, StatusReference status, String reason,
                                String userId, boolean administrator, LeadAccess access) implements LeadCommand {

    public ReopenLeadCommand {
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(access, "access");
    }
}
