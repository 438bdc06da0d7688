package com.crm.leads.command;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.command.CheckUpdatableCommand;
import com.crm.leads.api.command.CreateLeadCommand;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.LeadRuleViolation.Subject;
import com.crm.leads.api.command.LeadRuleViolation;
import com.crm.leads.api.command.ReopenLeadCommand;
import com.crm.leads.api.command.RevertLeadCommand;
import com.crm.leads.api.command.RevertOutcome;
import com.crm.leads.api.command.SetEntry;
import com.crm.leads.api.command.SetUpdate;
import com.crm.leads.api.command.UpdateLeadCommand;
import com.crm.leads.api.event.CompetitorAdded;
import com.crm.leads.api.event.CompetitorRemoved;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.LeadReopened;
import com.crm.leads.api.event.ProductAdded;
import com.crm.leads.api.event.ProductRemoved;
import com.crm.leads.api.event.RowAdded;
import com.crm.leads.api.event.RowRemoved;
import com.crm.leads.api.event.StatusChanged;
import com.crm.leads.api.event.UserAdded;
import com.crm.leads.api.event.UserRemoved;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import static com.crm.leads.api.command.LeadRuleViolation.Rule.ENTRY_NOT_FOUND;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.LEAD_CLOSED;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.LEAD_NOT_OPEN;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.LOST_REASON_REQUIRED;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.NOT_PERMITTED;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.REFUSED_VALUE;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.VERSION_CONFLICT;

/**
 * A lead and its rules. Every command is decided whole before anything is applied, so a call either stores all
 * of its events or none; each real change becomes one event: fields first, then set rows in the order given, and
 * a status move last. Its fields are its snapshot (see {@link #SNAPSHOT_TRIGGER}).
 */
@Aggregate(snapshotTriggerDefinition = Lead.SNAPSHOT_TRIGGER, cache = Lead.CACHE)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
class Lead {

    /** The bean that decides when a lead is snapshotted, so loading it stays cheap however long its history. */
    static final String SNAPSHOT_TRIGGER = "leadSnapshotTrigger";

    /** The bean that keeps leads in memory between calls, where the deployment allows it. */
    static final String CACHE = "leadCache";

    /** The longest reason a reopen may give. */
    private static final int MAX_REASON_LENGTH = 255;

    @AggregateIdentifier
    private LeadId leadId;
    private String number;
    private StatusReference status;
    private final Map<LeadField, FieldValue> fields = new EnumMap<>(LeadField.class);
    private final Map<LeadSet, List<SetRow>> rows = new EnumMap<>(LeadSet.class);

    protected Lead() {
        // for Axon, which rebuilds a lead from its events
    }

    /** @return the new lead's version */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    long handle(CreateLeadCommand command) {
        if (command.status().classification() != LifeCycleState.PENDING) {
            throw new LeadRuleViolation(REFUSED_VALUE, Subject.STATUS,
                    "a new lead's status must be classified PENDING, and " + command.status().name() + " is "
                            + command.status().classification());
        }
        if (command.lostReason() != null) {
            throw lostReasonWithoutMoveToLost();
        }
        refuseClosingToCaller(command.fieldUpdates(), command.access());
        for (LeadField field : LeadField.values()) {
            if (field.isMandatory() && command.fieldUpdates().stream()
                    .noneMatch(update -> update.field() == field && update.value() != null)) {
                throw new LeadRuleViolation(REFUSED_VALUE, Subject.field(field),
                        Subject.field(field), " is mandatory when a lead is created");
            }
        }
        leadId = command.leadId();
        List<LeadEvent> initialValues = new ArrayList<>(fieldChanges(command.fieldUpdates()));
        initialValues.addAll(setChanges(command.setUpdates()));
        AggregateLifecycle.apply(new LeadCreated(command.leadId(), command.number(), command.type(),
                command.contact(), command.accountsReceivable(), command.status()));
        initialValues.forEach(AggregateLifecycle::apply);
        return AggregateLifecycle.getVersion();
    }

    /** @return the lead's version after the update */
    @CommandHandler
    long handle(UpdateLeadCommand command) {
        refuseUnlessOpenTo(command.access());
        refuseIfClosed();
        refuseUnlessAt(command.expectedVersion());
        refuseClosingToCaller(command.fieldUpdates(), command.access());
        List<LeadEvent> changes = new ArrayList<>(fieldChanges(command.fieldUpdates()));
        changes.addAll(setChanges(command.setUpdates()));
        statusChange(command.status(), command.lostReason(), command.billingAddress()).ifPresent(changes::add);
        changes.forEach(AggregateLifecycle::apply);
        return AggregateLifecycle.getVersion();
    }

    /**
     * A closed lead back to a status classified PENDING, by an administrator or its owner.
     *
     * @return the lead's version after it
     */
    @CommandHandler
    long handle(ReopenLeadCommand command) {
        refuseUnlessOpenTo(command.access());
        if (!status.classification().isClosed()) {
            throw new LeadRuleViolation(REFUSED_VALUE, Subject.LEAD, "lead " + number + " is not closed: its status "
                    + status.name() + " is classified " + status.classification() + ", so there is nothing to reopen");
        }
        if (!command.administrator() && !ownedBy(command.userId())) {
            throw new LeadRuleViolation(NOT_PERMITTED, Subject.LEAD,
                    "only an administrator or the lead's owner may reopen lead " + number);
        }
        if (command.status().classification() != LifeCycleState.PENDING) {
            throw new LeadRuleViolation(REFUSED_VALUE, Subject.STATUS, "a lead is reopened to a status classified "
                    + "PENDING, and " + command.status().name() + " is " + command.status().classification());
        }
        if (command.reason().isBlank() || command.reason().length() > MAX_REASON_LENGTH) {
            throw new LeadRuleViolation(REFUSED_VALUE, Subject.REASON, Subject.REASON, " must be 1 to "
                    + MAX_REASON_LENGTH + " characters");
        }
        AggregateLifecycle.apply(new LeadReopened(leadId, status, command.status(), command.reason()));
        return AggregateLifecycle.getVersion();
    }

    private boolean ownedBy(String userId) {
        Reference owner = referenceOf(fields.get(LeadField.LEAD_OWNER));
        return owner != null && owner.id().equals(userId);
    }

    /**
     * Every field, set and the status back to as they stood after event {@code toVersion}, read from the lead's
     * own events: one event per difference, fields first, then set rows, then the status, each naming the version
     * in its metadata. A dry run applies none of them.
     */
    @CommandHandler
    RevertOutcome handle(RevertLeadCommand command, EventStore events) {
        refuseUnlessOpenTo(command.access());
        refuseIfClosed();
        refuseUnlessAt(command.expectedVersion());
        long version = AggregateLifecycle.getVersion();
        if (command.toVersion() < 0 || command.toVersion() > version) {
            throw new LeadRuleViolation(REFUSED_VALUE, Subject.TO_VERSION, "lead " + number + " is at version "
                    + version + ": ", Subject.TO_VERSION, " must be from 0 to " + version);
        }
        Lead past = asAfter(command.toVersion(), events);
        if (!past.status.id().equals(status.id()) && past.status.classification() != LifeCycleState.PENDING) {
            throw new LeadRuleViolation(REFUSED_VALUE, Subject.TO_VERSION, "at version " + command.toVersion()
                    + " lead " + number + " was " + past.status.name() + ", classified "
                    + past.status.classification() + ": a revert moves a lead back to a PENDING status only");
        }
        for (LeadField field : LeadField.values()) {
            if (field.isMandatory() && past.fields.get(field) == null && fields.get(field) != null) {
                throw new LeadRuleViolation(REFUSED_VALUE, Subject.TO_VERSION, "at version " + command.toVersion()
                        + " lead " + number + " had no " + field.name().toLowerCase(Locale.ROOT)
                        + ", which is mandatory: a revert goes back to a version after the lead's creation call");
            }
        }
        List<LeadEvent> differences = differencesTo(past);
        if (!command.dryRun()) {
            MetaData revertedTo = MetaData.with(LeadMetadata.REVERTED_TO, command.toVersion());
            differences.forEach(event -> AggregateLifecycle.apply(event, revertedTo));
        }
        return new RevertOutcome(AggregateLifecycle.getVersion(), differences);
    }

    /** The lead as it stood after its event {@code version}, folded from its events (never from a snapshot). */
    private Lead asAfter(long version, EventStore events) {
        Lead past = new Lead();
        events.readEvents(leadId.value(), 0).asStream()
                .takeWhile(event -> event.getSequenceNumber() <= version)
                .forEach(event -> past.replay((LeadEvent) event.getPayload()));
        return past;
    }

    private void replay(LeadEvent event) {
        if (event instanceof LeadCreated created) {
            on(created);
        } else if (event instanceof FieldChanged changed) {
            on(changed);
        } else if (event instanceof RowAdded added) {
            on(added);
        } else if (event instanceof RowRemoved removed) {
            on(removed);
        } else if (event instanceof StatusChanged changed) {
            on(changed);
        } else if (event instanceof LeadReopened reopened) {
            on(reopened);
        }
    }

    /** The events that make this lead's fields, sets and status those of {@code past}. */
    private List<LeadEvent> differencesTo(Lead past) {
        List<LeadEvent> differences = new ArrayList<>();
        for (LeadField field : LeadField.values()) {
            FieldValue now = fields.get(field);
            FieldValue then = past.fields.get(field);
            if (!Objects.equals(now, then)) {
                differences.add(new FieldChanged(leadId, field, now, then));
            }
        }
        for (LeadSet set : LeadSet.values()) {
            List<SetRow> now = rows.getOrDefault(set, List.of());
            List<SetRow> then = past.rows.getOrDefault(set, List.of());
            now.stream().filter(row -> absentFrom(then, row)).forEach(row -> differences.add(removed(set, row)));
            then.stream().filter(row -> absentFrom(now, row)).forEach(row -> differences.add(added(set, row)));
        }
        if (!past.status.id().equals(status.id())) {
            differences.add(new StatusChanged(leadId, status, past.status, null, null));
        }
        return differences;
    }

    private static boolean absentFrom(List<SetRow> rows, SetRow row) {
        return rows.stream().noneMatch(other -> other.rowId().equals(row.rowId()));
    }

    /** @return the lead's version, which this command leaves as it is */
    @CommandHandler
    long handle(CheckUpdatableCommand command) {
        refuseUnlessOpenTo(command.access());
        refuseIfClosed();
        return AggregateLifecycle.getVersion();
    }

    /** A call for the version the caller read ({@code expectedVersion}, null: any) applies to that version only. */
    private void refuseUnlessAt(Long expectedVersion) {
        Long version = AggregateLifecycle.getVersion();
        if (expectedVersion != null && !expectedVersion.equals(version)) {
            throw new LeadRuleViolation(VERSION_CONFLICT, Subject.EXPECTED_VERSION, "lead " + number + " is at version "
                    + version + ", not " + expectedVersion + ": read it again and decide anew");
        }
    }

    /** A lead that is not open to the caller does not exist for it, so neither do its rules. */
    private void refuseUnlessOpenTo(LeadAccess access) {
        if (!access.opens(referenceOf(fields.get(LeadField.PRIVACY_LEVEL)))) {
            throw new LeadRuleViolation(LEAD_NOT_OPEN, Subject.LEAD, "lead " + number + " is not open to the caller");
        }
    }

    /** Nobody locks themselves out: a caller cannot give a lead a privacy level beyond its own access. */
    private static void refuseClosingToCaller(List<FieldUpdate> updates, LeadAccess access) {
        for (FieldUpdate update : updates) {
            Reference privacyLevel = update.field() == LeadField.PRIVACY_LEVEL ? referenceOf(update.value()) : null;
            if (!access.opens(privacyLevel)) {
                throw new LeadRuleViolation(REFUSED_VALUE, Subject.field(LeadField.PRIVACY_LEVEL),
                        Subject.field(LeadField.PRIVACY_LEVEL), " names " + privacyLevel.name()
                        + ", a privacy level above those the caller's unit has access to");
            }
        }
    }

    private static Reference referenceOf(FieldValue value) {
        return value instanceof FieldValue.Entity entity ? entity.reference() : null;
    }

    private void refuseIfClosed() {
        if (status.classification().isClosed()) {
            throw new LeadRuleViolation(LEAD_CLOSED, Subject.LEAD,
                    "lead " + number + " is closed: its status " + status.name() + " is classified "
                            + status.classification() + ", so it cannot be updated");
        }
    }

    private List<FieldChanged> fieldChanges(List<FieldUpdate> requested) {
        List<FieldChanged> changes = new ArrayList<>();
        for (FieldUpdate update : CompletionDates.resolve(requested, fields)) {
            LeadField field = update.field();
            if (update.value() == null && field.isMandatory()) {
                throw new LeadRuleViolation(REFUSED_VALUE, Subject.field(field),
                        Subject.field(field), " is mandatory and cannot be set to null");
            }
            FieldValue current = fields.get(field);
            if (!Objects.equals(current, update.value())) {
                changes.add(new FieldChanged(leadId, field, current, update.value()));
            }
        }
        return changes;
    }

    /** Plays the entries on a copy of each set, so later entries see earlier ones and a refusal changes nothing. */
    private List<LeadEvent> setChanges(List<SetUpdate> updates) {
        List<LeadEvent> changes = new ArrayList<>();
        for (int updateIndex = 0; updateIndex < updates.size(); updateIndex++) {
            SetUpdate update = updates.get(updateIndex);
            List<SetRow> set = new ArrayList<>(rows.getOrDefault(update.set(), List.of()));
            if (update.clear()) {
                set.forEach(row -> changes.add(removed(update.set(), row)));
                set.clear();
            }
            for (int entryIndex = 0; entryIndex < update.entries().size(); entryIndex++) {
                SetEntry entry = update.entries().get(entryIndex);
                if (entry instanceof SetEntry.Add add) {
                    if (set.stream().noneMatch(row -> row.member().equals(add.row().member()))) {
                        set.add(add.row());
                        changes.add(added(update.set(), add.row()));
                    }
                } else {
                    Subject named = new Subject.SetEntry(updateIndex, entryIndex);
                    SetRow row = set.stream().filter(matching(entry)).findFirst().orElseThrow(() ->
                            new LeadRuleViolation(ENTRY_NOT_FOUND, named, named, " names no row of the lead's "
                                    + update.set().name().toLowerCase(Locale.ROOT)));
                    set.remove(row);
                    changes.add(removed(update.set(), row));
                }
            }
        }
        return changes;
    }

    private static Predicate<SetRow> matching(SetEntry removal) {
        if (removal instanceof SetEntry.RemoveMember byMember) {
            return row -> row.member().equals(byMember.member());
        }
        String rowId = ((SetEntry.RemoveRow) removal).rowId();
        return row -> row.rowId().equals(rowId);
    }

    private RowAdded added(LeadSet set, SetRow row) {
        return switch (set) {
            case COMPETITORS -> new CompetitorAdded(leadId, row);
            case USERS -> new UserAdded(leadId, row);
            case PRODUCTS -> new ProductAdded(leadId, row);
        };
    }

    private RowRemoved removed(LeadSet set, SetRow row) {
        return switch (set) {
            case COMPETITORS -> new CompetitorRemoved(leadId, row);
            case USERS -> new UserRemoved(leadId, row);
            case PRODUCTS -> new ProductRemoved(leadId, row);
        };
    }

    private Optional<StatusChanged> statusChange(StatusReference requested, Reference lostReason,
                                                 Reference billingAddress) {
        boolean moves = requested != null && !requested.id().equals(status.id());
        boolean movesToLost = moves && requested.classification() == LifeCycleState.LOST;
        if (movesToLost && lostReason == null) {
            throw new LeadRuleViolation(LOST_REASON_REQUIRED, Subject.LOST_REASON,
                    "a move to " + requested.name() + ", a status classified LOST, needs ", Subject.LOST_REASON);
        }
        if (lostReason != null && !movesToLost) {
            throw lostReasonWithoutMoveToLost();
        }
        if (!moves) {
            return Optional.empty();
        }
        boolean movesToWon = requested.classification() == LifeCycleState.WON;
        return Optional.of(new StatusChanged(leadId, status, requested, lostReason, movesToWon ? billingAddress : null));
    }

    private static LeadRuleViolation lostReasonWithoutMoveToLost() {
        return new LeadRuleViolation(REFUSED_VALUE, Subject.LOST_REASON,
                Subject.LOST_REASON, " is only allowed with a move to a status classified LOST");
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
    void on(RowAdded event) {
        rows.computeIfAbsent(event.set(), set -> new ArrayList<>()).add(event.row());
    }

    @EventSourcingHandler
    void on(RowRemoved event) {
        rows.getOrDefault(event.set(), new ArrayList<>()).removeIf(row -> row.rowId().equals(event.row().rowId()));
    }

    @EventSourcingHandler
    void on(StatusChanged event) {
        status = event.to();
    }

    @EventSourcingHandler
    void on(LeadReopened event) {
        status = event.to();
    }
}
