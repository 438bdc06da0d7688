package com.crm.leads.command;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.LeadRuleViolation;
import com.crm.leads.api.command.LeadRuleViolation.Subject;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.crm.leads.api.LeadField.ESTIMATED_COMPLETION_TIME;
import static com.crm.leads.api.LeadField.EXPECTED_COMPLETION_DATE;
import static com.crm.leads.api.LeadField.START_DATE;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.REFUSED_VALUE;

/**
 * The rule that ties a lead's start date, expected completion date and estimated completion time together:
 * expected = start + estimated. A caller sets one of the last two and the other follows; a new start date moves the
 * expected date by the same estimate. An expected date before the start date is refused.
 */
final class CompletionDates {

    private static final Subject START = Subject.field(START_DATE);
    private static final Subject EXPECTED = Subject.field(EXPECTED_COMPLETION_DATE);
    private static final Subject ESTIMATED = Subject.field(ESTIMATED_COMPLETION_TIME);

    private CompletionDates() {
    }

    /** The requested updates with the derived ones added, or replaced where the rule decides them. */
    static List<FieldUpdate> resolve(List<FieldUpdate> requested, Map<LeadField, FieldValue> current) {
        Optional<FieldUpdate> start = find(requested, START_DATE);
        Optional<FieldUpdate> expected = find(requested, EXPECTED_COMPLETION_DATE);
        Optional<FieldUpdate> estimated = find(requested, ESTIMATED_COMPLETION_TIME);
        if (start.isEmpty() && expected.isEmpty() && estimated.isEmpty()) {
            return requested;
        }
        if (expected.isPresent() && estimated.isPresent()) {
            throw new LeadRuleViolation(REFUSED_VALUE, ESTIMATED, "give ", EXPECTED, " or ", ESTIMATED,
                    ", not both: each is derived from the other");
        }
        LocalDateTime newStart = start.isPresent() ? date(start.get().value()) : date(current.get(START_DATE));
        List<FieldUpdate> resolved = new ArrayList<>(requested.stream()
                .filter(update -> update.field() != EXPECTED_COMPLETION_DATE && update.field() != ESTIMATED_COMPLETION_TIME)
                .toList());
        if (estimated.isPresent()) {
            resolved.addAll(fromEstimate((FieldValue.Period) estimated.get().value(), newStart));
        } else if (expected.isPresent()) {
            resolved.addAll(fromExpected(date(expected.get().value()), newStart, EXPECTED_COMPLETION_DATE));
        } else if (newStart == null) {
            // the start date was cleared: the expected date stays, and there is nothing to measure an estimate from
            resolved.add(FieldUpdate.clear(ESTIMATED_COMPLETION_TIME));
        } else if (current.get(ESTIMATED_COMPLETION_TIME) instanceof FieldValue.Period period) {
            resolved.addAll(fromEstimate(period, newStart));
        } else if (current.get(EXPECTED_COMPLETION_DATE) != null) {
            resolved.addAll(fromExpected(date(current.get(EXPECTED_COMPLETION_DATE)), newStart, START_DATE));
        }
        return resolved;
    }

    private static List<FieldUpdate> fromEstimate(FieldValue.Period period, LocalDateTime start) {
        if (period == null) {
            return cleared();
        }
        if (start == null) {
            throw new LeadRuleViolation(REFUSED_VALUE, ESTIMATED, ESTIMATED, " counts from ", START,
                    ", and the lead has none");
        }
        return List.of(new FieldUpdate(ESTIMATED_COMPLETION_TIME, period),
                new FieldUpdate(EXPECTED_COMPLETION_DATE, new FieldValue.DateTime(period.after(start))));
    }

    private static List<FieldUpdate> fromExpected(LocalDateTime expected, LocalDateTime start, LeadField blamed) {
        if (expected == null) {
            return cleared();
        }
        if (start == null) {
            return List.of(new FieldUpdate(EXPECTED_COMPLETION_DATE, new FieldValue.DateTime(expected)),
                    FieldUpdate.clear(ESTIMATED_COMPLETION_TIME));
        }
        if (expected.isBefore(start)) {
            throw new LeadRuleViolation(REFUSED_VALUE, Subject.field(blamed),
                    EXPECTED, " " + expected + " cannot be before ", START, " " + start);
        }
        return List.of(new FieldUpdate(EXPECTED_COMPLETION_DATE, new FieldValue.DateTime(expected)),
                new FieldUpdate(ESTIMATED_COMPLETION_TIME,
                        FieldValue.Period.between(start, expected, true).orElse(null)));
    }

    private static List<FieldUpdate> cleared() {
        return List.of(FieldUpdate.clear(EXPECTED_COMPLETION_DATE), FieldUpdate.clear(ESTIMATED_COMPLETION_TIME));
    }

    private static Optional<FieldUpdate> find(List<FieldUpdate> updates, LeadField field) {
        return updates.stream().filter(update -> update.field() == field).findFirst();
    }

    private static LocalDateTime date(FieldValue value) {
        return value == null ? null : (LocalDateTime) value.plain();
    }
}
