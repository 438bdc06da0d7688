package com.crm.leads.api.catalogue;

/** A postal address of a contact; {@code type} (HOME, WORK, ...) identifies it among the contact's addresses. */
public record Address(String id, String type, String contactId, String street, String city, String postalCode,
                      String country) implements CatalogueEntry {
}
