package com.crm.leads.api;

import java.util.Collection;
import java.util.Set;

/**
 * Which leads a caller may see and change: every lead (an administrator's access), or the leads without a privacy
 * level and those whose privacy level is one of {@code privacyLevelIds}. A lead that is not open to a caller does
 * not exist for it, and a caller cannot give a lead a privacy level that would close it to itself.
 */
public record LeadAccess(boolean everyLead, Set<String> privacyLevelIds) {

    public static final LeadAccess EVERY_LEAD = new LeadAccess(true, Set.of());

    public LeadAccess {
        privacyLevelIds = Set.copyOf(privacyLevelIds);
    }

    /** The leads without a privacy level, and those at one of these. */
    public static LeadAccess toPrivacyLevels(Collection<String> privacyLevelIds) {
        return new LeadAccess(false, Set.copyOf(privacyLevelIds));
    }

    /** Whether a lead at this privacy level (null: none) is open. */
    public boolean opens(Reference privacyLevel) {
        return everyLead || privacyLevel == null || privacyLevelIds.contains(privacyLevel.id());
    }
}
