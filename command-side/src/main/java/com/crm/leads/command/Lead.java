package com.crm.leads.command;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.command.CreateLeadCommand;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.LeadRuleViolation;
import com.crm.leads.api.command.UpdateLeadCommand;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.StatusChanged;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static com.crm.leads.api.command.LeadRuleViolation.Rule.INVALID_PARAMETER;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.LEAD_CLOSED;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.LOST_REASON_REQUIRED;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A lead and its rules. Every command is checked whole before anything is applied, so a call either stores all
 * of its events or none; each real change becomes one event, and a status move comes last.
 */
@Aggregate
class Lead {

    @AggregateIdentifier
    private LeadId leadId;
    private String number;
    private StatusReference status;
    private final Map<LeadField, FieldValue> fields = new EnumMap<>(LeadField.class);

    protected Lead() {
        // for Axon, which rebuilds a lead from its events
    }

    @CommandHandler
    Lead(CreateLeadCommand command) {
        if (command.status().classification() != LifeCycleState.PENDING) {
            throw new LeadRuleViolation(INVALID_PARAMETER, "status_identifier",
                    "a new lead's status must be classified PENDING, and " + command.status().name() + " is "
                            + command.status().classification());
        }
        if (command.lostReason() != null) {
            throw lostReasonWithoutMoveToLost();
        }
        for (LeadField field : LeadField.values()) {
            if (field.isMandatory() && !command.fields().containsKey(field)) {
                throw new LeadRuleViolation(INVALID_PARAMETER, field.parameterName(),
                        field.parameterName() + " is mandatory when a lead is created");
            }
        }
        apply(new LeadCreated(command.leadId(), command.number(), command.type(), command.contact(),
                command.accountsReceivable(), command.status()));
        new EnumMap<>(command.fields()).forEach((field, value) ->
                apply(new FieldChanged(command.leadId(), field, null, value)));
    }

    @CommandHandler
    void handle(UpdateLeadCommand command) {
        if (status.classification().isClosed()) {
            throw new LeadRuleViolation(LEAD_CLOSED, "lead_identifier",
                    "lead " + number + " is closed: its status " + status.name() + " is classified "
                            + status.classification() + ", so it cannot be updated");
        }
        List<LeadEvent> changes = new ArrayList<>();
        for (FieldUpdate update : command.fieldUpdates()) {
            fieldChange(update).ifPresent(changes::add);
        }
        statusChange(command.status(), command.lostReason()).ifPresent(changes::add);
        changes.forEach(change -> apply(change));
    }

    private Optional<FieldChanged> fieldChange(FieldUpdate update) {
        LeadField field = update.field();
        if (update.value() == null && field.isMandatory()) {
            throw new LeadRuleViolation(INVALID_PARAMETER, field.parameterName(),
                    field.parameterName() + " is mandatory and cannot be set to null");
        }
        FieldValue current = fields.get(field);
        if (Objects.equals(current, update.value())) {
            return Optional.empty();
        }
        return Optional.of(new FieldChanged(leadId, field, current, update.value()));
    }

    private Optional<StatusChanged> statusChange(StatusReference requested, Reference lostReason) {
        boolean moves = requested != null && !requested.id().equals(status.id());
        boolean movesToLost = moves && requested.classification() == LifeCycleState.LOST;
        if (movesToLost && lostReason == null) {
            throw new LeadRuleViolation(LOST_REASON_REQUIRED, "lost_reason_identifier",
                    "a move to " + requested.name() + ", a status classified LOST, needs lost_reason_identifier");
        }
        if (lostReason != null && !movesToLost) {
            throw lostReasonWithoutMoveToLost();
        }
        return moves ? Optional.of(new StatusChanged(leadId, status, requested, lostReason)) : Optional.empty();
    }

    private static LeadRuleViolation lostReasonWithoutMoveToLost() {
        return new LeadRuleViolation(INVALID_PARAMETER, "lost_reason_identifier",
                "lost_reason_identifier is only allowed with a move to a status classified LOST");
    }

    @EventSourcingHandler
    void on(LeadCreated event) {
        leadId = event.leadId();
        number = event.number();
        status = event.status();
    }

    @EventSourcingHandler
    void on(FieldChanged event) {
        if (event.newValue() == null) {
            fields.remove(event.field());
        } else {
            fields.put(event.field(), event.newValue());
        }
    }

    @EventSourcingHandler
    void on(StatusChanged event) {
        status = event.to();
    }
}
