package com.crm.leads.api;

import java.util.Locale;

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
    CATEGORY("category_identifier"),
    OWNED_BY_GROUP("owned_by_group_identifier"),
    PRIVACY_LEVEL("privacy_level_identifier"),
    SUBSCRIPTION_PACKAGE("subscription_package_identifier"),
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

    private final String parameterName;
    private final Presence presence;

    LeadField() {
        this(null, Presence.OPTIONAL);
    }

    LeadField(Presence presence) {
        this(null, presence);
    }

    LeadField(String parameterName) {
        this(parameterName, Presence.OPTIONAL);
    }

    LeadField(String parameterName, Presence presence) {
        this.parameterName = parameterName == null ? fieldName() : parameterName;
        this.presence = presence;
    }

    /** A mandatory field is given when a lead is created and can never be cleared. */
    public boolean isMandatory() {
        return presence == Presence.MANDATORY;
    }

    /** The field's name in a lead as the API returns it, and in its history. */
    public String fieldName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The parameter that sets this field in the API, also used in error descriptions. */
    public String parameterName() {
        return parameterName;
    }
}
