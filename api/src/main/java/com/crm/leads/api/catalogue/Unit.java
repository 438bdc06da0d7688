package com.crm.leads.api.catalogue;

public record Unit(String id, String name, String alternativeCode, String description, String groupName,
                   String communityName) implements CatalogueEntry {
}
