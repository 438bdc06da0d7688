package com.crm.leads.api.catalogue;

public record PrivacyLevel(String id, String name, String number, String description) implements CatalogueEntry {
}
