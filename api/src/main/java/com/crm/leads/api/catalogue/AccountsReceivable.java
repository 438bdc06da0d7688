package com.crm.leads.api.catalogue;

public record AccountsReceivable(String id, String number, String name, String lifeCycleState,
                                 String accountOwnerId) implements CatalogueEntry {
}
