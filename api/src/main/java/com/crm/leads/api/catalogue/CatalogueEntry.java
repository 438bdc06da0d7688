package com.crm.leads.api.catalogue;

/** An entity of the reference catalogue that leads point to. */
public sealed interface CatalogueEntry
        permits AccountsReceivable, Address, Category, Communication, Competitor, Contact, Group, LeadStatus,
        LeadType, LostReason, PrivacyLevel, Product, ProductBrand, ProductFamily, ProductType, SubscriptionPackage,
        Unit, User {

    String id();
}
