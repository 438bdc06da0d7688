package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The event store's reads as the service asks them: a tracking reader whose position has gaps (indexes taken by
 * transactions that had not committed when it read) gets the events that filled them, then the events after its
 * position, in index order (what Axon's pooled processors and the change feed read on every fetch under load); a
 * lead's events from a sequence number come whole and in order, batch after batch (what loading a lead and a lead
 * as of a version read).
 */
class EventStorageReadsTest extends ApiTest {

    @Autowired
    EventStorageEngine storage;

    /** The index of each event read after {@code position}, in the order read. */
    private List<Long> indexesAfter(GapAwareTrackingToken position) {
        // an event that fills a gap carries the reader's position, not its own index: its index is where a plain
        // read from the start found it
        Map<String, Long> indexes = new HashMap<>();
        try (Stream<? extends TrackedEventMessage<?>> all = storage.readEvents(null, false)) {
            all.forEach(event -> indexes.put(event.getIdentifier(), event.trackingToken().position().orElseThrow()));
        }
        try (Stream<? extends TrackedEventMessage<?>> events = storage.readEvents(position, false)) {
            return events.map(event -> indexes.get(event.getIdentifier())).toList();
        }
    }

    private long lastIndex() {
        return storage.createHeadToken().position().orElseThrow();
    }

    @Test
    void aPositionWithGapsReadsTheFilledGapsThenEverythingAfterIt() {
        newLead();
        newLead();
        long last = lastIndex();
        long position = last - 10;

        List<Long> read = indexesAfter(GapAwareTrackingToken.newInstance(position, List.of(position - 7, position - 2)));

        assertThat(read).containsExactlyElementsOf(Stream.concat(Stream.of(position - 7, position - 2),
                LongStream.rangeClosed(position + 1, last).boxed()).toList());
    }

    @Test
    void gapsThatNoEventFilledAreLeftOutAndMoreThanABatchIsReadWhole() {
        long first = lastIndex();
        while (lastIndex() < first + 400) {
            newLead();
        }
        long last = lastIndex();
        long position = last - 150;
        List<Long> gaps = LongStream.range(position - 120, position).boxed().toList();

        List<Long> read = indexesAfter(GapAwareTrackingToken.newInstance(position, gaps));

        assertThat(read).containsExactlyElementsOf(Stream.concat(gaps.stream(),
                LongStream.rangeClosed(position + 1, last).boxed()).toList());
    }

    @Test
    void aLeadsEventsFromASequenceNumberComeWholeAndInOrderOverSeveralBatches() {
        JsonNode lead = newLead();
        for (int call = 0; version(lead) < 260; call++) {
            ObjectNode request = update(lead);
            for (int field = 1; field <= 8; field++) {
                request.put("udf_string_" + field, "call " + call);
            }
            lead = post("/leads/update", request).ok().data();
        }
        long from = 120;

        List<Long> read = storage.readEvents(lead.path("id").asText(), from).asStream()
                .map(DomainEventMessage::getSequenceNumber).toList();

        assertThat(read).containsExactlyElementsOf(LongStream.rangeClosed(from, version(lead)).boxed().toList());
    }
}
