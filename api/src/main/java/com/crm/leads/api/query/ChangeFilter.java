package com.crm.leads.api.query;

import java.util.Set;

/**
 * Which changes a reader of the feed asks for; each part is optional (null): {@code lead} (one lead's changes),
 * {@code events} (of these events only) and {@code changed} (events that change one of these).
 */
public record ChangeFilter(LeadLookup lead, Set<HistoryEntry.Event> events, Set<HistoryEntry.Changed> changed) {

    public static final ChangeFilter EVERY_CHANGE = new ChangeFilter(null, null, null);
}
