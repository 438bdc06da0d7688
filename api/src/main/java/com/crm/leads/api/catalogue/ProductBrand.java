package com.crm.leads.api.catalogue;

public record ProductBrand(String id, String name, String alternativeCode, String description)
        implements CatalogueEntry {
}
