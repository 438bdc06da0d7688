package com.crm.leads.api.catalogue;

/** How restricted a lead is: the higher {@code level}, the fewer units see it. */
public record PrivacyLevel(String id, String name, String number, String description, Integer level)
        implements CatalogueEntry {
}
