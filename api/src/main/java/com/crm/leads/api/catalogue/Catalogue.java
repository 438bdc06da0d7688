package com.crm.leads.api.catalogue;

import java.util.List;
import java.util.Optional;

/**
 * The reference data leads point to, read-only. The query side renders references through it, so a lead shows
 * an entity as the catalogue describes it now, while the events keep what it was called when it was chosen.
 */
public interface Catalogue {

    <T extends CatalogueEntry> List<T> all(Class<T> kind);

    default <T extends CatalogueEntry> Optional<T> find(Class<T> kind, String id) {
        return all(kind).stream().filter(entry -> entry.id().equals(id)).findFirst();
    }
}
