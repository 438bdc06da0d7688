package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.event.LeadEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Stream;

/** A lead's events, oldest first, read from the event store: the source of its history and of its past. */
@Component
class LeadEvents {

    private final EventStore eventStore;

    LeadEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    List<DomainEventMessage<LeadEvent>> of(LeadId leadId) {
        return from(leadId, 0).toList();
    }

    /**
     * The lead's events from {@code firstSequenceNumber} on, read as the stream is consumed: the store fetches
     * them in batches, so a reader that stops early reads little more than what it took. Past any snapshot: the
     * snapshot is the aggregate's, and the query side folds events with its own fold.
     */
    @SuppressWarnings("unchecked")
    Stream<DomainEventMessage<LeadEvent>> from(LeadId leadId, long firstSequenceNumber) {
        return eventStore.readEvents(leadId.value(), firstSequenceNumber).asStream()
                .map(message -> (DomainEventMessage<LeadEvent>) message);
    }
}
