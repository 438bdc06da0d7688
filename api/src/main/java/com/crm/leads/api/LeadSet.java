package com.crm.leads.api;

/** The sets of a lead: rows that are added and removed one by one, each with its own row id. */
public enum LeadSet {
    COMPETITORS,
    USERS,
    PRODUCTS
}
