package com.crm.leads.api;

import java.util.Locale;

/**
 * The single-valued fields of a lead that change through {@code FieldChanged}. The status has its own event,
 * because the status rules hang on it.
 */
public enum LeadField {
    CONTACT_EMAIL,
    CONTACT_PHONE,
    DESCRIPTION,
    PROBABILITY_TO_WIN,
    IMPORTANCE(true),
    PRIORITY(true),
    TARGET_AMOUNT,
    CATEGORY,
    START_DATE,
    UDF_STRING_1, UDF_STRING_2, UDF_STRING_3, UDF_STRING_4, UDF_STRING_5, UDF_STRING_6, UDF_STRING_7, UDF_STRING_8,
    UDF_FLOAT_1, UDF_FLOAT_2, UDF_FLOAT_3, UDF_FLOAT_4,
    UDF_DATE_1, UDF_DATE_2, UDF_DATE_3, UDF_DATE_4;

    private final boolean mandatory;

    LeadField() {
        this(false);
    }

    LeadField(boolean mandatory) {
        this.mandatory = mandatory;
    }

    /** A mandatory field is given when a lead is created and can never be cleared. */
    public boolean isMandatory() {
        return mandatory;
    }

    /** The parameter that carries this field in the CRM.COM API, also used in error descriptions. */
    public String parameterName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
