package com.crm.leads.api.command;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;

/**
 * A command to one lead, on behalf of a caller with {@link #access()}; its handler answers with the lead's version
 * after it.
 */
public sealed interface LeadCommand
        permits CreateLeadCommand, UpdateLeadCommand, CheckUpdatableCommand, ReopenLeadCommand,
        RevertLeadCommand {

    LeadId leadId();

    LeadAccess access();
}
