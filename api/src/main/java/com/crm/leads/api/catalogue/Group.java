package com.crm.leads.api.catalogue;

public record Group(String id, String name, String alternativeCode, String description, String communityName)
        implements CatalogueEntry {
}
