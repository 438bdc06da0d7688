package com.crm.leads.app.lead;

import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.command.LeadRuleViolation.Subject;
import com.crm.leads.api.query.HistoryEntry;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static com.crm.leads.api.LeadField.CATEGORY;
import static com.crm.leads.api.LeadField.OWNED_BY_GROUP;
import static com.crm.leads.api.LeadField.PRIVACY_LEVEL;
import static com.crm.leads.api.LeadField.SUBSCRIPTION_PACKAGE;

/**
 * The one table between the lead's domain names and the API's, both ways: each field's name in a lead and the
 * parameter that sets it, each set's name, what a history entry is about, and what a refused command names. The
 * domain's constants are written the API's way (lower case), except where CRM.COM names a parameter otherwise.
 * Nothing outside the application knows a wire name.
 */
public final class LeadWireNames {

    /** Fields set by an identifier object whose parameter CRM.COM names apart from the field. */
    private static final Map<LeadField, String> IDENTIFIER_PARAMETERS = Map.of(
            CATEGORY, "category_identifier",
            OWNED_BY_GROUP, "owned_by_group_identifier",
            PRIVACY_LEVEL, "privacy_level_identifier",
            SUBSCRIPTION_PACKAGE, "subscription_package_identifier");

    private static final Map<Subject.Part, String> PARTS_REFUSED = Map.of(
            Subject.Part.LEAD, "lead_identifier",
            Subject.Part.STATUS, "status_identifier",
            Subject.Part.LOST_REASON, "lost_reason_identifier",
            Subject.Part.EXPECTED_VERSION, "expected_version",
            Subject.Part.REASON, "reason",
            Subject.Part.TO_VERSION, "to_version");

    private static final Map<String, HistoryEntry.Changed> CHANGED_BY_NAME = HistoryEntry.Changed.all().stream()
            .collect(Collectors.toUnmodifiableMap(LeadWireNames::changed, changed -> changed));

    private static final Map<String, LeadField> FIELDS_BY_PARAMETER = Arrays.stream(LeadField.values())
            .collect(Collectors.toUnmodifiableMap(LeadWireNames::parameter, field -> field));

    private LeadWireNames() {
    }

    /** The field's name in a lead as the API shows it, and in its history. */
    public static String field(LeadField field) {
        return lowerCase(field.name());
    }

    /** The field's property in a lead as the API shows it: its name, but {@code lead_source} for the source. */
    public static String shownAs(LeadField field) {
        return field == LeadField.SOURCE ? "lead_source" : field(field);
    }

    /** The field a parameter sets, if it sets one. */
    static Optional<LeadField> fieldSetBy(String parameter) {
        return Optional.ofNullable(FIELDS_BY_PARAMETER.get(parameter));
    }

    /** The parameter that sets the field. */
    public static String parameter(LeadField field) {
        return IDENTIFIER_PARAMETERS.getOrDefault(field, field(field));
    }

    /** The set's name in a lead, and as its parameter. */
    public static String set(LeadSet set) {
        return lowerCase(set.name()) + "_set";
    }

    /** What a history entry is about, as its {@code field} names it. */
    public static String changed(HistoryEntry.Changed changed) {
        if (changed instanceof HistoryEntry.Changed.Field field) {
            return field(field.field());
        }
        if (changed instanceof HistoryEntry.Changed.Set set) {
            return set(set.set());
        }
        return lowerCase(((HistoryEntry.Changed.Part) changed).name());
    }

    /** What a history {@code field} filter names; empty for a name the history has no entries about. */
    public static Optional<HistoryEntry.Changed> changedNamed(String name) {
        return Optional.ofNullable(CHANGED_BY_NAME.get(name));
    }

    /**
     * The parameter a refused command's subject stands for; {@code setParameters} are the parameters its set
     * updates came from, in the command's order.
     */
    static String parameter(Subject subject, List<String> setParameters) {
        if (subject instanceof Subject.Field field) {
            return parameter(field.field());
        }
        if (subject instanceof Subject.SetEntry entry) {
            return setParameters.get(entry.update()) + "[" + entry.entry() + "]";
        }
        return PARTS_REFUSED.get((Subject.Part) subject);
    }

    /** Every name this table gives, parameters and fields alike. */
    public static Set<String> all() {
        return Stream.of(Arrays.stream(LeadField.values())
                                .flatMap(field -> Stream.of(field(field), parameter(field), shownAs(field))),
                        CHANGED_BY_NAME.keySet().stream(), PARTS_REFUSED.values().stream())
                .flatMap(names -> names)
                .collect(Collectors.toUnmodifiableSet());
    }

    private static String lowerCase(String constant) {
        return constant.toLowerCase(Locale.ROOT);
    }
}
