package com.crm.leads.api;

/** The sets of a lead: rows that are added and removed one by one, each with its own row id. */
public enum LeadSet {
    COMPETITORS("competitors_set"),
    USERS("users_set"),
    PRODUCTS("products_set");

    private final String fieldName;

    LeadSet(String fieldName) {
        this.fieldName = fieldName;
    }

    /** The set's name in a lead as the API returns it, and as its parameter. */
    public String fieldName() {
        return fieldName;
    }
}
