package com.crm.leads.api.catalogue;

/**
 * A unit of the organisation. Its users see the leads up to the privacy level {@code privacyLevelId} names, and
 * with none, only the leads without a privacy level.
 */
public record Unit(String id, String name, String alternativeCode, String description, String groupName,
                   String communityName, String privacyLevelId) implements CatalogueEntry {
}
