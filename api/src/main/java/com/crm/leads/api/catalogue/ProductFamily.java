package com.crm.leads.api.catalogue;

public record ProductFamily(String id, String name, String code, String description) implements CatalogueEntry {
}
