package com.crm.leads.api.catalogue;

/** A product; its classification says whether it is a service, a physical good or a subscription package. */
public record Product(String id, String code, String alternativeCode, String description, String classification)
        implements CatalogueEntry {
}
