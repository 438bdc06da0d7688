package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Reads the entries of {@code leads/history} (LEADS-API.md, section 4) as the tests compare them. */
final class HistoryEntries {

    private HistoryEntries() {
    }

    /** The entries of a history answer's data, which must be a list. */
    static List<JsonNode> list(JsonNode data) {
        assertThat(data.isArray()).as("data is a list: %s", data).isTrue();
        List<JsonNode> entries = new ArrayList<>();
        data.forEach(entries::add);
        return entries;
    }

    static JsonNode only(List<JsonNode> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    static Set<String> requestIds(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("request_id").asText())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static LocalDateTime latestDate(List<JsonNode> entries) {
        return entries.stream().map(entry -> LocalDateTime.parse(entry.path("performed_date").asText()))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    static LocalDateTime earliestDate(List<JsonNode> entries) {
        return entries.stream().map(entry -> LocalDateTime.parse(entry.path("performed_date").asText()))
                .min(Comparator.naturalOrder()).orElseThrow();
    }
}
