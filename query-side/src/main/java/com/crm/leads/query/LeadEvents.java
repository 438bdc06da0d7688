package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.event.LeadEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.List;

/** A lead's events, oldest first, read from the event store: the source of its history and of its past. */
@Component
class LeadEvents {

    private final EventStore eventStore;

    LeadEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @SuppressWarnings("unchecked")
    List<DomainEventMessage<LeadEvent>> of(LeadId leadId) {
        // from the first event, past any snapshot: the snapshot is the aggregate's, and history needs every event
        return eventStore.readEvents(leadId.value(), 0).asStream()
                .map(message -> (DomainEventMessage<LeadEvent>) message)
                .toList();
    }
}
