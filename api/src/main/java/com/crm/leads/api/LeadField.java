package com.crm.leads.api;

import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.api.catalogue.Category;
import com.crm.leads.api.catalogue.Group;
import com.crm.leads.api.catalogue.PrivacyLevel;
import com.crm.leads.api.catalogue.SubscriptionPackage;
import com.crm.leads.api.catalogue.User;

import java.util.Objects;

/**
 * The single-valued fields of a lead that change through {@code FieldChanged}, each with the type of its values.
 * The status has its own event, because the status rules hang on it, and the sets have theirs. This is the one list
 * of them: reading, showing, storing and writing a lead's fields all go over it.
 */
public enum LeadField {
    CONTACT_EMAIL(FieldValue.Text.class),
    CONTACT_PHONE(FieldValue.Text.class),
    DESCRIPTION(FieldValue.Text.class),
    PROBABILITY_TO_WIN(FieldValue.Decimal.class),
    IMPORTANCE(FieldValue.Code.class, Importance.class, Presence.MANDATORY),
    PRIORITY(FieldValue.Whole.class, null, Presence.MANDATORY),
    TARGET_AMOUNT(FieldValue.Decimal.class),
    CATEGORY(FieldValue.Entity.class, Category.class),
    OWNED_BY_GROUP(FieldValue.Entity.class, Group.class),
    PRIVACY_LEVEL(FieldValue.Entity.class, PrivacyLevel.class),
    SUBSCRIPTION_PACKAGE(FieldValue.Entity.class, SubscriptionPackage.class),
    LEAD_OWNER(FieldValue.Entity.class, User.class),
    ASSIGNED_TO(FieldValue.Assignment.class),
    SOURCE(FieldValue.Source.class),
    START_DATE(FieldValue.DateTime.class),
    EXPECTED_COMPLETION_DATE(FieldValue.DateTime.class),
    ESTIMATED_COMPLETION_TIME(FieldValue.Period.class),
    UDF_STRING_1(FieldValue.Text.class),
    UDF_STRING_2(FieldValue.Text.class),
    UDF_STRING_3(FieldValue.Text.class),
    UDF_STRING_4(FieldValue.Text.class),
    UDF_STRING_5(FieldValue.Text.class),
    UDF_STRING_6(FieldValue.Text.class),
    UDF_STRING_7(FieldValue.Text.class),
    UDF_STRING_8(FieldValue.Text.class),
    UDF_FLOAT_1(FieldValue.Decimal.class),
    UDF_FLOAT_2(FieldValue.Decimal.class),
    UDF_FLOAT_3(FieldValue.Decimal.class),
    UDF_FLOAT_4(FieldValue.Decimal.class),
    UDF_DATE_1(FieldValue.DateTime.class),
    UDF_DATE_2(FieldValue.DateTime.class),
    UDF_DATE_3(FieldValue.DateTime.class),
    UDF_DATE_4(FieldValue.DateTime.class);

    private enum Presence { OPTIONAL, MANDATORY }

    private final Class<? extends FieldValue> valueType;
    private final Class<?> of;
    private final Presence presence;

    LeadField(Class<? extends FieldValue> valueType) {
        this(valueType, null, Presence.OPTIONAL);
    }

    /** A field whose values are entities of the catalogue kind {@code of}. */
    LeadField(Class<FieldValue.Entity> valueType, Class<? extends CatalogueEntry> of) {
        this(valueType, of, Presence.OPTIONAL);
    }

    LeadField(Class<? extends FieldValue> valueType, Class<?> of, Presence presence) {
        this.valueType = Objects.requireNonNull(valueType, "valueType");
        this.of = of;
        this.presence = presence;
    }

    /** A mandatory field is given when a lead is created and can never be cleared. */
    public boolean isMandatory() {
        return presence == Presence.MANDATORY;
    }

    /** What every value of this field is. */
    public Class<? extends FieldValue> valueType() {
        return valueType;
    }

    /** The catalogue kind of an entity field's values, the enum of a code field's; null for any other field. */
    public Class<?> of() {
        return of;
    }
}
