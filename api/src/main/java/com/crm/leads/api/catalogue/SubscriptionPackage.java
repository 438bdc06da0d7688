package com.crm.leads.api.catalogue;

public record SubscriptionPackage(String id, String name, String alternativeCode, String classification)
        implements CatalogueEntry {
}
