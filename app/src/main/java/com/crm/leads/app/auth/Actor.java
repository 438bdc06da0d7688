package com.crm.leads.app.auth;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.catalogue.Catalogue;
import com.crm.leads.api.catalogue.PrivacyLevel;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.app.catalogue.UserEntry;
import com.crm.leads.app.catalogue.StoredCatalogue;

import java.util.List;
import java.util.Optional;

/** Who makes a call and in which unit: the token's user and unit, and whether the user administers the service. */
public record Actor(User user, Unit unit, boolean administrator) {

    /**
     * The leads this actor may see and change: every lead for an administrator; otherwise the leads without a
     * privacy level and those at a level up to the one its unit has access to.
     */
    public LeadAccess leadAccess(Catalogue catalogue) {
        if (administrator) {
            return LeadAccess.EVERY_LEAD;
        }
        Optional<Integer> upTo = Optional.ofNullable(unit.privacyLevelId())
                .flatMap(id -> catalogue.find(PrivacyLevel.class, id)).map(PrivacyLevel::level);
        return LeadAccess.toPrivacyLevels(upTo.map(level -> catalogue.all(PrivacyLevel.class).stream()
                .filter(privacyLevel -> privacyLevel.level() != null && privacyLevel.level() <= level)
                .map(PrivacyLevel::id).toList()).orElse(List.of()));
    }

    /** A user of the catalogue acting in one of their units. */
    public static Actor of(StoredCatalogue catalogue, UserEntry user, Unit unit) {
        return new Actor(catalogue.find(User.class, user.id()).orElseThrow(), unit, user.administrator());
    }
}
