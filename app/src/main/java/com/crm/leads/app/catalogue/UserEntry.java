package com.crm.leads.app.catalogue;

import java.util.List;

/**
 * A user as the catalogue keeps, lists and records them: who they are, their units, and whether they administer the
 * service. Never their password, whose hash is kept apart ({@code user_password}) and is write-only.
 */
public record UserEntry(String id, String username, String personName, String email, List<String> unitIds,
                        String defaultUnitId, boolean administrator) {

    static UserEntry of(CatalogueFile.CatalogueUser user) {
        return new UserEntry(user.id(), user.username(), user.personName(), user.email(), user.unitIds(),
                user.defaultUnitId(), user.administrator());
    }
}
