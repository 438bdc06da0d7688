package com.crm.leads.app.auth;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.app.catalogue.CatalogueFile;
import com.crm.leads.app.catalogue.FileCatalogue;

/** Who makes a call and in which unit: the token's user and unit, and whether the user administers the service. */
public record Actor(User user, Unit unit, boolean administrator) {

    /** A user of the catalogue acting in one of their units. */
    public static Actor of(FileCatalogue catalogue, CatalogueFile.CatalogueUser user, Unit unit) {
        return new Actor(catalogue.find(User.class, user.id()).orElseThrow(), unit, user.administrator());
    }
}
