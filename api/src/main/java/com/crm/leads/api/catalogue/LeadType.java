package com.crm.leads.api.catalogue;

public record LeadType(String id, String name, String alternativeCode, String description)
        implements CatalogueEntry {
}
