package com.crm.leads.app.lead;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.Importance;
import com.crm.leads.api.LeadField;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Map;

import static com.crm.leads.api.LeadField.CONTACT_EMAIL;
import static com.crm.leads.api.LeadField.CONTACT_PHONE;
import static com.crm.leads.api.LeadField.DESCRIPTION;
import static com.crm.leads.api.LeadField.PROBABILITY_TO_WIN;
import static com.crm.leads.api.LeadField.TARGET_AMOUNT;

/**
 * What a lead field's parameter takes: the type its value is read as, and the rules it keeps, as the contract's
 * parameter table says. A field takes what its value type takes (a user-defined field: text of up to 255
 * characters, a number or a date within the limits) unless the table below gives it rules of its own.
 */
enum FieldInput {
    TEXT(String.class, "text"),
    LONG_TEXT(String.class, "longText"),
    EMAIL(String.class, "email"),
    PHONE(String.class, "phone"),
    NUMBER(BigDecimal.class, "number"),
    AMOUNT(BigDecimal.class, "amount"),
    PERCENTAGE(BigDecimal.class, "percentage"),
    PRIORITY(Integer.class, "priority"),
    DATE(LocalDateTime.class, "date"),
    PERIOD(LeadParameters.TimePeriod.class, "period"),
    CHOICE(Importance.class, "choice"),
    IDENTIFIER(JsonNode.class, "identifier"),
    ASSIGNMENT(LeadParameters.AssignedTo.class, "assignment"),
    SOURCE(LeadParameters.Source.class, "source");

    private static final Map<LeadField, FieldInput> OWN_RULES = Map.of(
            CONTACT_EMAIL, EMAIL,
            CONTACT_PHONE, PHONE,
            DESCRIPTION, LONG_TEXT,
            PROBABILITY_TO_WIN, PERCENTAGE,
            TARGET_AMOUNT, AMOUNT,
            LeadField.PRIORITY, PRIORITY);

    private static final Map<Class<? extends FieldValue>, FieldInput> BY_VALUE_TYPE = Map.of(
            FieldValue.Text.class, TEXT,
            FieldValue.Decimal.class, NUMBER,
            FieldValue.DateTime.class, DATE,
            FieldValue.Period.class, PERIOD,
            FieldValue.Code.class, CHOICE,
            FieldValue.Entity.class, IDENTIFIER,
            FieldValue.Assignment.class, ASSIGNMENT,
            FieldValue.Source.class, SOURCE);

    private final Class<?> type;
    private final String rule;

    FieldInput(Class<?> type, String rule) {
        this.type = type;
        this.rule = rule;
    }

    static FieldInput of(LeadField field) {
        FieldInput input = OWN_RULES.getOrDefault(field, BY_VALUE_TYPE.get(field.valueType()));
        if (input == null) {
            throw new IllegalStateException(field + " has no rules of its own, and its value type gives none");
        }
        return input;
    }

    /** The Java type a value is read as. */
    Class<?> type() {
        return type;
    }

    /** The property of {@link Rules} whose constraints a value keeps. */
    String rule() {
        return rule;
    }

    /** The rules of each input, as Bean Validation constraints on one property each. */
    @SuppressWarnings("unused")
    static final class Rules {
        @Size(max = 255)
        String text;
        @Size(max = 4000)
        String longText;
        @Email(regexp = ".+@.+\\..+")
        String email;
        @Pattern(regexp = "[0-9 +()\\-]{3,30}", message = "must be 3 to 30 digits, spaces or + - ( )")
        String phone;
        @WithinLimits
        BigDecimal number;
        @DecimalMin("0")
        @WithinLimits
        BigDecimal amount;
        @DecimalMin("0")
        @DecimalMax("100")
        BigDecimal percentage;
        @Min(1)
        @Max(6)
        Integer priority;
        @WithinLimits
        LocalDateTime date;
        @WithinLimits
        LeadParameters.TimePeriod period;
        Importance choice;
        JsonNode identifier;
        LeadParameters.AssignedTo assignment;
        LeadParameters.Source source;

        private Rules() {
        }
    }
}
