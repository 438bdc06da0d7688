package com.crm.leads.api.query;

import java.util.List;

/**
 * Changes in the feed's order, and the position to read on from: past every event this page looked at, also those
 * it left out because they did not match or were not open to the reader.
 */
public record ChangePage(List<LeadChange> changes, FeedPosition next) {

    public ChangePage {
        changes = List.copyOf(changes);
    }
}
