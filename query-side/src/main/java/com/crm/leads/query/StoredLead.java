package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.Reference;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * How a lead is stored in a row of {@code lead_view} (and of the rebuild's table beside it): its state as a JSON
 * document in the {@code state} column, and copies of the values that queries look leads up by in columns of their
 * own.
 */
final class StoredLead {

    /** The columns a lead's later events can change, in the order {@link #changing} gives their values. */
    static final List<String> CHANGING_COLUMNS = List.of("version", "life_cycle_state", "updated_date",
            "state", "status_id", "category_id", "owned_by_group_id", "assigned_to_user_id", "importance",
            "contact_email", "privacy_level_id");
    /** The columns its creation sets for good, the lead's id first, in the order {@link #fixed} gives them. */
    static final List<String> FIXED_COLUMNS = List.of("lead_id", "lead_number", "number_order",
            "contact_id", "contact_name", "accounts_receivable_id", "type_id");
    /** Every column, in the order {@link #all} gives their values. */
    static final List<String> ALL_COLUMNS = Stream.concat(CHANGING_COLUMNS.stream(), FIXED_COLUMNS.stream())
            .toList();

    private StoredLead() {
    }

    /**
     * The values of {@link #CHANGING_COLUMNS}, followed by {@code after}: the values a statement binds after them.
     */
    static Object[] changing(LeadState lead, Object... after) {
        Object[] values = {lead.version(), lead.status().classification().name(),
                Timestamp.from(lead.updated().date()), StoredJson.write(lead), lead.status().id(),
                id(lead.value(LeadField.CATEGORY, Reference.class)),
                id(lead.value(LeadField.OWNED_BY_GROUP, Reference.class)),
                lead.field(LeadField.ASSIGNED_TO) instanceof FieldValue.Assignment assignment
                        ? id(assignment.user()) : null,
                lead.value(LeadField.IMPORTANCE, String.class),
                lead.value(LeadField.CONTACT_EMAIL, String.class),
                id(lead.value(LeadField.PRIVACY_LEVEL, Reference.class))};
        Object[] both = Arrays.copyOf(values, values.length + after.length);
        System.arraycopy(after, 0, both, values.length, after.length);
        return both;
    }

    /** The values of {@link #FIXED_COLUMNS}. */
    private static Object[] fixed(LeadState lead) {
        return new Object[]{lead.leadId().value(), lead.number(), numberOrder(lead.number()), lead.contact().id(),
                lead.contact().name(), id(lead.accountsReceivable()), id(lead.type())};
    }

    /** The values of {@link #ALL_COLUMNS}. */
    static Object[] all(LeadState lead) {
        return changing(lead, fixed(lead));
    }

    /** The lead a {@code state} column holds. */
    static LeadState read(String document) {
        return StoredJson.read(document, LeadState.class);
    }

    private static String id(Reference reference) {
        return reference == null ? null : reference.id();
    }

    /** Lead numbers are digits as CRM.COM gives them; one that is not sorts after them all. */
    private static Long numberOrder(String number) {
        return number.matches("\\d{1,18}") ? Long.parseLong(number) : Long.MAX_VALUE;
    }
}
