package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One set parameter and how its entries are written: an add names the member (for products inside
 * {@code lead_product_identifier}), a remove names it inside the row identifier or gives the row's id. The
 * products sets are exercised with product types; the other product kinds have tests of their own.
 */
record SetKind(String parameter, String field, String rowKey, String memberKey, boolean addInsideRow,
               String identifyingField, String memberField, String labelField,
               String first, String second, String third) {

    /** A row id as the service writes it: 32 upper-case hex. */
    static final String ROW_ID = "[0-9A-F]{32}";

    static final SetKind COMPETITORS = new SetKind("competitors_set", "competitors_set",
            "lead_competitor_identifier", "competitor_identifier", false, "name", "competitor", "name",
            "Competitor 1", "Competitor 2", "Competitor 4");
    static final SetKind USERS = new SetKind("users_set", "users_set",
            "lead_user_identifier", "user_identifier", false, "username", "user", "username",
            "mariosmtest", "supervisor", "MPAdministrator");
    static final SetKind PRODUCTS = new SetKind("products_set", "products_set",
            "lead_product_identifier", "product_type_identifier", true, "name", "product_type", "name",
            "Additional Services", "Add-ons", "Subscription Packages");
    static final SetKind LEAD_PRODUCTS = new SetKind("lead_products_set", "products_set",
            "lead_product_identifier", "product_type_identifier", true, "name", "product_type", "name",
            "Additional Services", "Add-ons", "Subscription Packages");

    static Stream<SetKind> sets() {
        return Stream.of(COMPETITORS, USERS, PRODUCTS, LEAD_PRODUCTS);
    }

    Map<String, Object> add(String action, String member) {
        Map<String, Object> identifier = Map.of(memberKey, Map.of(identifyingField, member));
        return entry(action, addInsideRow ? Map.of(rowKey, identifier) : identifier);
    }

    Map<String, Object> add(String member) {
        return add("add", member);
    }

    Map<String, Object> remove(String action, String member) {
        return entry(action, Map.of(rowKey, Map.of(memberKey, Map.of(identifyingField, member))));
    }

    Map<String, Object> remove(String member) {
        return remove("remove", member);
    }

    Map<String, Object> removeRow(String rowId) {
        return entry("remove", Map.of(rowKey, Map.of("id", rowId)));
    }

    /** The path of the member identifier of an add at {@code index}. */
    String memberPath(int index) {
        return parameter + "[" + index + "]" + (addInsideRow ? "." + rowKey : "") + "." + memberKey;
    }

    String label(JsonNode row) {
        return row.path(memberField).path(labelField).asText();
    }

    private static Map<String, Object> entry(String action, Map<String, Object> rest) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", action);
        entry.putAll(rest);
        return entry;
    }

    @Override
    public String toString() {
        return parameter;
    }

    /** The member labels of a set's rows, in order. */
    List<String> labels(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(this::label).toList();
    }

    /** The row ids of a set, one per row (not the ids of the members inside the rows). */
    static List<String> rowIds(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> row.path("id").asText()).toList();
    }
}
