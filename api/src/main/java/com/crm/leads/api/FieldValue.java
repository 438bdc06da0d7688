package com.crm.leads.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed value of a {@link LeadField}, so an event read years later still knows a date from a number.
 * An unset field has no value at all ({@code null}), never an empty one.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FieldValue.Text.class, name = "TEXT"),
        @JsonSubTypes.Type(value = FieldValue.Decimal.class, name = "DECIMAL"),
        @JsonSubTypes.Type(value = FieldValue.Whole.class, name = "WHOLE"),
        @JsonSubTypes.Type(value = FieldValue.DateTime.class, name = "DATE"),
        @JsonSubTypes.Type(value = FieldValue.Code.class, name = "CODE"),
        @JsonSubTypes.Type(value = FieldValue.Entity.class, name = "ENTITY"),
        @JsonSubTypes.Type(value = FieldValue.Period.class, name = "PERIOD"),
        @JsonSubTypes.Type(value = FieldValue.Source.class, name = "SOURCE"),
        @JsonSubTypes.Type(value = FieldValue.Assignment.class, name = "ASSIGNMENT")
})
public sealed interface FieldValue {

    /**
     * The value without its type: the text, the number, the date, the code or the entity's reference; a period, a
     * source and an assignment, which are more than one value, are themselves.
     */
    Object plain();

    record Text(String text) implements FieldValue {
        @Override
        public Object plain() {
            return text;
        }

        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Compared by numeric value, so 5 and 5.00 are the same amount and setting one over the other is no change. */
    record Decimal(BigDecimal number) implements FieldValue {
        @Override
        public Object plain() {
            return number;
        }

        public Decimal {
            Objects.requireNonNull(number, "number");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Decimal decimal && decimal.number.compareTo(number) == 0;
        }

        @Override
        public int hashCode() {
            return number.stripTrailingZeros().hashCode();
        }
    }

    record Whole(long number) implements FieldValue {
        @Override
        public Object plain() {
            return number;
        }
    }

    record DateTime(LocalDateTime dateTime) implements FieldValue {
        @Override
        public Object plain() {
            return dateTime;
        }

        public DateTime {
            Objects.requireNonNull(dateTime, "dateTime");
        }
    }

    /** A value from a fixed list, such as an {@link Importance}. */
    record Code(String code) implements FieldValue {
        @Override
        public Object plain() {
            return code;
        }

        public Code {
            Objects.requireNonNull(code, "code");
        }
    }

    /** A catalogue entity. */
    record Entity(Reference reference) implements FieldValue {
        @Override
        public Object plain() {
            return reference;
        }

        public Entity {
            Objects.requireNonNull(reference, "reference");
        }
    }

    /** A length of time in one unit, such as 3 WEEKS. */
    record Period(long value, PeriodUnit unit) implements FieldValue {
        @Override
        public Object plain() {
            return this;
        }

        public Period {
            Objects.requireNonNull(unit, "unit");
        }

        public LocalDateTime after(LocalDateTime start) {
            return start.plus(value, unit.chronoUnit());
        }

        /**
         * The time from {@code start} to {@code end} in the largest unit that measures it in whole units: exactly
         * when {@code exact}, otherwise rounded down. Empty when {@code end} is not after {@code start} (or, when
         * exact, not a whole number of minutes after it).
         */
        public static Optional<Period> between(LocalDateTime start, LocalDateTime end, boolean exact) {
            for (PeriodUnit unit : PeriodUnit.values()) {
                long count = unit.chronoUnit().between(start, end);
                if (count > 0 && (!exact || start.plus(count, unit.chronoUnit()).equals(end))) {
                    return Optional.of(new Period(count, unit));
                }
                // month arithmetic clamps to the month's end: January 31 plus one month is February 29, which
                // counts as less than a whole month from January 31
                if (exact && start.plus(count + 1, unit.chronoUnit()).equals(end)) {
                    return Optional.of(new Period(count + 1, unit));
                }
            }
            return Optional.empty();
        }
    }

    /**
     * Where a lead came from: a communication (type COMMUNICATIONS) or a named custom source (CUSTOM1..3).
     */
    record Source(String type, Reference communication, String name) implements FieldValue {
        @Override
        public Object plain() {
            return this;
        }

        public Source {
            Objects.requireNonNull(type, "type");
        }
    }

    /** Who a lead is assigned to: a unit, and optionally one of its users. */
    record Assignment(Reference unit, Reference user) implements FieldValue {
        @Override
        public Object plain() {
            return this;
        }

        public Assignment {
            Objects.requireNonNull(unit, "unit");
        }
    }
}
