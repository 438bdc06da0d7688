package com.crm.leads.command;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.LeadRuleViolation;
import com.crm.leads.api.command.SetUpdate;
import com.crm.leads.api.command.UpdateLeadCommand;
import com.crm.leads.api.event.LeadCreated;

import org.hamcrest.Matcher;

import java.util.List;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static com.crm.leads.api.LeadField.IMPORTANCE;
import static com.crm.leads.api.LeadField.PRIORITY;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;

/** The leads, statuses and references the aggregate's specifications are written with. */
final class LeadHistories {

    static final LeadId LEAD = new LeadId("4DF94747AE1C4DA4916DD5012F245DCE");
    static final StatusReference REACH = new StatusReference("S1", "Reach", LifeCycleState.PENDING);
    static final StatusReference CONTACTED = new StatusReference("S2", "Contacted", LifeCycleState.PENDING);
    static final StatusReference WON = new StatusReference("S3", "Won", LifeCycleState.WON);
    static final StatusReference LOST = new StatusReference("S4", "Lost", LifeCycleState.LOST);
    static final Reference PRICE = new Reference("LR1", "Price");
    static final Reference TYPE = new Reference("T1", "New Customer");
    static final Reference CONTACT = new Reference("C1", "Filippos Constantinou");
    static final FieldValue IMPORTANT = new FieldValue.Code("IMPORTANCE1");
    static final FieldValue FIRST = new FieldValue.Whole(1);
    static final List<FieldUpdate> MANDATORY = List.of(FieldUpdate.set(PRIORITY, FIRST),
            FieldUpdate.set(IMPORTANCE, IMPORTANT));

    private LeadHistories() {
    }

    static LeadCreated created(StatusReference status) {
        return new LeadCreated(LEAD, "127", TYPE, CONTACT, null, status);
    }

    static UpdateLeadCommand update(List<FieldUpdate> fields, StatusReference status, Reference lostReason) {
        return new UpdateLeadCommand(LEAD, fields, List.of(), status, lostReason, null, null, EVERY_LEAD);
    }

    static UpdateLeadCommand updateFields(FieldUpdate... fields) {
        return update(List.of(fields), null, null);
    }

    /** A refusal for breaking {@code rule}, naming {@code subject}. */
    static Matcher<Object> violation(LeadRuleViolation.Rule rule, LeadRuleViolation.Subject subject) {
        return allOf(hasProperty("rule", is(rule)), hasProperty("subject", is(subject)));
    }

    static UpdateLeadCommand updateSets(SetUpdate... sets) {
        return new UpdateLeadCommand(LEAD, List.of(), List.of(sets), null, null, null, null, EVERY_LEAD);
    }
}
