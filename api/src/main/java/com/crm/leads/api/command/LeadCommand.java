package com.crm.leads.api.command;

import com.crm.leads.api.LeadId;

/** A command to one lead; its handler answers with the lead's version after it. */
public sealed interface LeadCommand permits CreateLeadCommand, UpdateLeadCommand, CheckUpdatableCommand {

    LeadId leadId();
}
