package com.crm.leads.api.catalogue;

public record ProductType(String id, String name, String alternativeCode, String description)
        implements CatalogueEntry {
}
