package com.crm.leads.api.catalogue;

public record Category(String id, String name, String code, String description) implements CatalogueEntry {
}
