package com.crm.leads.app.lead;

import com.crm.leads.api.LeadField;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.app.config.JsonConfiguration;
import com.crm.leads.app.web.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** {@code fields_set}: the comma-separated top-level fields of a lead that a client wants back. */
final class FieldSelection {

    /** Every top-level field of a lead as the API writes it: its own properties, and each of its fields. */
    static final Set<String> ALL = Stream.concat(Arrays.stream(LeadComplete.class.getRecordComponents())
                    .map(RecordComponent::getName)
                    .filter(name -> !name.equals("fields"))
                    .map(JsonConfiguration.CRM_NAMING::translate),
            Arrays.stream(LeadField.values()).map(LeadWireNames::shownAs)).collect(Collectors.toUnmodifiableSet());

    private FieldSelection() {
    }

    /** Refuses a {@code fields_set} that names a field a lead does not have. */
    static void check(String fieldsSet) {
        names(fieldsSet);
    }

    /** The lead with only the named fields, or whole when no {@code fields_set} was given. */
    static JsonNode select(JsonNode lead, String fieldsSet) {
        Set<String> names = names(fieldsSet);
        if (names.isEmpty() || !(lead instanceof ObjectNode object)) {
            return lead;
        }
        ObjectNode selected = object.deepCopy();
        selected.retain(names);
        return selected;
    }

    private static Set<String> names(String fieldsSet) {
        if (fieldsSet == null || fieldsSet.isBlank()) {
            return Set.of();
        }
        List<String> names = Arrays.stream(fieldsSet.split(",")).map(String::trim).toList();
        for (String name : names) {
            if (!ALL.contains(name)) {
                throw ApiException.invalidParameter("fields_set", "fields_set names " + (name.isEmpty()
                        ? "an empty field" : name + ", which is not a field of a lead"));
            }
        }
        return new LinkedHashSet<>(names);
    }
}
