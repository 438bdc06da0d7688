package com.crm.leads.api.catalogue;

public record LostReason(String id, String name, String alternativeCode, String description)
        implements CatalogueEntry {
}
