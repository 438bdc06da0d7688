package com.crm.leads.api.catalogue;

public record Competitor(String id, String name, String website, String description) implements CatalogueEntry {
}
