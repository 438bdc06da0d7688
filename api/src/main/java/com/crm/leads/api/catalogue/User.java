package com.crm.leads.api.catalogue;

/** A user as others see it; credentials and unit memberships stay with the service's authentication. */
public record User(String id, String username, String personName, String email) implements CatalogueEntry {
}
