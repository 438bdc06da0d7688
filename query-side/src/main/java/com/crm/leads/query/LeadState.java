package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.LeadReopened;
import com.crm.leads.api.event.RowAdded;
import com.crm.leads.api.event.RowRemoved;
import com.crm.leads.api.event.StatusChanged;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * A lead as its events leave it, before it is dressed in catalogue objects: what the read model stores. Its fold
 * ({@link #start} for the first event, {@link #apply} for each later one) is the one way events become a lead:
 * the projection folds each new event into the stored state with it, and anything else that needs a lead from
 * events (a rebuild, a past version) folds with it too.
 */
record LeadState(
        LeadId leadId,
        String number,
        Reference type,
        Reference contact,
        Reference accountsReceivable,
        StatusReference status,
        Reference lostReason,
        Instant actualCompletionDate,
        Map<LeadField, FieldValue> fields,
        Map<LeadSet, List<SetRow>> rows,
        Stamp created,
        Stamp updated,
        long version) {

    /** Who acted, in which unit, and when. */
    record Stamp(Instant date, String userId, String unitId) {

        private static Stamp of(DomainEventMessage<?> message) {
            return new Stamp(message.getTimestamp(), (String) message.getMetaData().get(LeadMetadata.USER_ID),
                    (String) message.getMetaData().get(LeadMetadata.UNIT_ID));
        }
    }

    /** The type Axon gives the lead's events, for the events a dry run only supposes. */
    private static final String AGGREGATE_TYPE = "Lead";

    LeadState {
        fields = Collections.unmodifiableMap(fields.isEmpty() ? new EnumMap<>(LeadField.class) : new EnumMap<>(fields));
        rows = Collections.unmodifiableMap(rows.isEmpty() ? new EnumMap<>(LeadSet.class) : new EnumMap<>(rows));
    }

    /** The lead its first event, a {@link LeadCreated}, starts. */
    static LeadState start(DomainEventMessage<? extends LeadEvent> message) {
        if (!(message.getPayload() instanceof LeadCreated created)) {
            throw new IllegalArgumentException("a lead begins with its creation, not with "
                    + message.getPayload().getClass().getSimpleName());
        }
        Stamp stamp = Stamp.of(message);
        return new LeadState(created.leadId(), created.number(), created.type(), created.contactInformation(),
                created.accountsReceivable(), created.status(), null, null, Map.of(), Map.of(), stamp, stamp,
                message.getSequenceNumber());
    }

    /** The lead after {@code message}, one of the events after its creation. */
    LeadState apply(DomainEventMessage<? extends LeadEvent> message) {
        LeadEvent event = message.getPayload();
        LeadState changed;
        if (event instanceof FieldChanged fieldChanged) {
            changed = withField(fieldChanged.field(), fieldChanged.newValue());
        } else if (event instanceof RowAdded added) {
            changed = withRows(added.set(), setRows -> {
                setRows.add(added.row());
                return setRows;
            });
        } else if (event instanceof RowRemoved removed) {
            changed = withRows(removed.set(), setRows -> {
                setRows.removeIf(row -> row.rowId().equals(removed.row().rowId()));
                return setRows;
            });
        } else if (event instanceof StatusChanged statusChanged) {
            changed = withStatus(statusChanged.to(), statusChanged.lostReason(),
                    statusChanged.to().classification().isClosed() ? message.getTimestamp() : null);
        } else if (event instanceof LeadReopened reopened) {
            changed = withStatus(reopened.to(), null, null);
        } else {
            throw new IllegalArgumentException("lead " + leadId + " is created already; "
                    + event.getClass().getSimpleName() + " cannot follow");
        }
        return changed.stamped(Stamp.of(message), message.getSequenceNumber());
    }

    /**
     * The lead as {@code events} would leave it, at its version and with its last change as they are: what a dry
     * run shows. {@code at} stands for when the events would happen.
     */
    LeadState asIf(List<? extends LeadEvent> events, Instant at) {
        LeadState after = this;
        long sequence = version;
        for (LeadEvent event : events) {
            after = after.apply(new GenericDomainEventMessage<>(AGGREGATE_TYPE, leadId.value(), ++sequence, event,
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), at));
        }
        return after.stamped(updated, version);
    }

    List<SetRow> rows(LeadSet set) {
        return rows.getOrDefault(set, List.of());
    }

    FieldValue field(LeadField field) {
        return fields.get(field);
    }

    /** The field's value without its type ({@link FieldValue#plain()}), null where unset. */
    <T> T value(LeadField field, Class<T> type) {
        FieldValue value = fields.get(field);
        return value == null ? null : type.cast(value.plain());
    }

    private LeadState withField(LeadField field, FieldValue value) {
        Map<LeadField, FieldValue> changed = new EnumMap<>(LeadField.class);
        changed.putAll(fields);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return new LeadState(leadId, number, type, contact, accountsReceivable, status, lostReason,
                actualCompletionDate, changed, rows, created, updated, version);
    }

    private LeadState withRows(LeadSet set, UnaryOperator<List<SetRow>> change) {
        Map<LeadSet, List<SetRow>> changed = new EnumMap<>(LeadSet.class);
        changed.putAll(rows);
        changed.put(set, List.copyOf(change.apply(new ArrayList<>(rows(set)))));
        return new LeadState(leadId, number, type, contact, accountsReceivable, status, lostReason,
                actualCompletionDate, fields, changed, created, updated, version);
    }

    private LeadState withStatus(StatusReference newStatus, Reference newLostReason, Instant completionDate) {
        return new LeadState(leadId, number, type, contact, accountsReceivable, newStatus, newLostReason,
                completionDate, fields, rows, created, updated, version);
    }

    private LeadState stamped(Stamp stamp, long newVersion) {
        return new LeadState(leadId, number, type, contact, accountsReceivable, status, lostReason,
                actualCompletionDate, fields, rows, created, stamp, newVersion);
    }
}
