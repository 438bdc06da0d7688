package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.StatusReference;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A lead as its events leave it, before it is dressed in catalogue objects: what {@link LeadFold} computes and
 * the read model stores.
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
    }

    LeadState {
        fields = Collections.unmodifiableMap(fields.isEmpty() ? new EnumMap<>(LeadField.class) : new EnumMap<>(fields));
        rows = Collections.unmodifiableMap(rows.isEmpty() ? new EnumMap<>(LeadSet.class) : new EnumMap<>(rows));
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

    LeadState withField(LeadField field, FieldValue value) {
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

    LeadState withRows(LeadSet set, UnaryOperator<List<SetRow>> change) {
        Map<LeadSet, List<SetRow>> changed = new EnumMap<>(LeadSet.class);
        changed.putAll(rows);
        changed.put(set, List.copyOf(change.apply(new ArrayList<>(rows(set)))));
        return new LeadState(leadId, number, type, contact, accountsReceivable, status, lostReason,
                actualCompletionDate, fields, changed, created, updated, version);
    }

    LeadState withStatus(StatusReference newStatus, Reference newLostReason, Instant completionDate) {
        return new LeadState(leadId, number, type, contact, accountsReceivable, newStatus, newLostReason,
                completionDate, fields, rows, created, updated, version);
    }

    LeadState stamped(Stamp stamp, long newVersion) {
        return new LeadState(leadId, number, type, contact, accountsReceivable, status, lostReason,
                actualCompletionDate, fields, rows, created, stamp, newVersion);
    }
}
