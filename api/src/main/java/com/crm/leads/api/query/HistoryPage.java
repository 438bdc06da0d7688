package com.crm.leads.api.query;

import java.util.List;

/** One page of a lead's history, and how many entries match the filters in all. */
public record HistoryPage(List<HistoryEntry> entries, long total) {

    public HistoryPage {
        entries = List.copyOf(entries);
    }
}
