package com.crm.leads.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Objects;

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
        @JsonSubTypes.Type(value = FieldValue.Entity.class, name = "ENTITY")
})
public sealed interface FieldValue {

    record Text(String text) implements FieldValue {
        public Text {
            Objects.requireNonNull(text, "text");
        }
    }

    /** Compared by numeric value, so 5 and 5.00 are the same amount and setting one over the other is no change. */
    record Decimal(BigDecimal number) implements FieldValue {
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
    }

    record DateTime(LocalDateTime dateTime) implements FieldValue {
        public DateTime {
            Objects.requireNonNull(dateTime, "dateTime");
        }
    }

    /** A value from a fixed list, such as an {@link Importance}. */
    record Code(String code) implements FieldValue {
        public Code {
            Objects.requireNonNull(code, "code");
        }
    }

    /** A catalogue entity; two references are the same value when they name the same entity id. */
    record Entity(Reference reference) implements FieldValue {
        public Entity {
            Objects.requireNonNull(reference, "reference");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Entity entity && entity.reference.id().equals(reference.id());
        }

        @Override
        public int hashCode() {
            return reference.id().hashCode();
        }
    }
}
