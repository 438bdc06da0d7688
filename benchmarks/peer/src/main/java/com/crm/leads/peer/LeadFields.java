package com.crm.leads.peer;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The lead's fields a request may set, by their names in the API. A field the body leaves out stays as it is; one
 * sent as {@code null} is cleared.
 */
final class LeadFields {

    private static final Map<String, BiConsumer<Lead, JsonNode>> SETTERS = Map.ofEntries(
            Map.entry("contact_information_identifier", (lead, value) -> lead.setContactName(name(value))),
            Map.entry("type_identifier", (lead, value) -> lead.setType(name(value))),
            Map.entry("status_identifier", (lead, value) -> lead.setStatus(name(value))),
            Map.entry("importance", (lead, value) -> lead.setImportance(text(value))),
            Map.entry("priority", (lead, value) -> lead.setPriority(integer(value))),
            Map.entry("title", (lead, value) -> lead.setTitle(text(value))),
            Map.entry("description", (lead, value) -> lead.setDescription(text(value))),
            Map.entry("udf_string_1", (lead, value) -> lead.setUdfString1(text(value))),
            Map.entry("udf_string_2", (lead, value) -> lead.setUdfString2(text(value))),
            Map.entry("udf_string_3", (lead, value) -> lead.setUdfString3(text(value))),
            Map.entry("udf_string_4", (lead, value) -> lead.setUdfString4(text(value))));

    private LeadFields() {
    }

    /** The lead fields the body sends, in its order, with their values as sent. */
    static Map<String, JsonNode> sent(JsonNode body) {
        Map<String, JsonNode> sent = new LinkedHashMap<>();
        body.fields().forEachRemaining(field -> {
            if (SETTERS.containsKey(field.getKey())) {
                sent.put(field.getKey(), field.getValue());
            }
        });
        return sent;
    }

    static void apply(Map<String, JsonNode> fields, Lead lead) {
        fields.forEach((field, value) -> SETTERS.get(field).accept(lead, value));
    }

    private static String text(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "expected a string, got " + value);
        }
        return value.asText();
    }

    private static Integer integer(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "expected a whole number, got " + value);
        }
        return value.asInt();
    }

    /** The reference entities a lead points to are named in an identifier object, {@code {"name": ...}}. */
    private static String name(JsonNode identifier) {
        return identifier.isNull() ? null : text(identifier.path("name"));
    }
}
