package com.crm.leads.api;

/**
 * The single-valued fields of a lead that change through {@code FieldChanged}. The status has its own event,
 * because the status rules hang on it, and the sets have theirs.
 */
public enum LeadField {
    CONTACT_EMAIL,
    CONTACT_PHONE,
    DESCRIPTION,
    PROBABILITY_TO_WIN,
    IMPORTANCE(Presence.MANDATORY),
    PRIORITY(Presence.MANDATORY),
    TARGET_AMOUNT,
    CATEGORY,
    OWNED_BY_GROUP,
    PRIVACY_LEVEL,
    SUBSCRIPTION_PACKAGE,
    LEAD_OWNER,
    ASSIGNED_TO,
    SOURCE,
    START_DATE,
    EXPECTED_COMPLETION_DATE,
    ESTIMATED_COMPLETION_TIME,
    UDF_STRING_1, UDF_STRING_2, UDF_STRING_3, UDF_STRING_4, UDF_STRING_5, UDF_STRING_6, UDF_STRING_7, UDF_STRING_8,
    UDF_FLOAT_1, UDF_FLOAT_2, UDF_FLOAT_3, UDF_FLOAT_4,
    UDF_DATE_1, UDF_DATE_2, UDF_DATE_3, UDF_DATE_4;

    private enum Presence { OPTIONAL, MANDATORY }

    private final Presence presence;

    LeadField() {
        this(Presence.OPTIONAL);
    }

    LeadField(Presence presence) {
        this.presence = presence;
    }

    /** A mandatory field is given when a lead is created and can never be cleared. */
    public boolean isMandatory() {
        return presence == Presence.MANDATORY;
    }
}
