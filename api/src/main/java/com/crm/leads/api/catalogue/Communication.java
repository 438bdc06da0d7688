package com.crm.leads.api.catalogue;

public record Communication(String id, String number, String lifeCycleState, String contactId)
        implements CatalogueEntry {
}
