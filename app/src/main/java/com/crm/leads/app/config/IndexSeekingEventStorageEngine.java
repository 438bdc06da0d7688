package com.crm.leads.app.config;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Axon's JPA event storage, reading the events after a tracking token in two index seeks when the token has gaps.
 * Axon asks for {@code globalIndex > :token OR globalIndex IN :gaps} in one query, and neither H2 nor PostgreSQL
 * answers that disjunction from the primary key: both walk the event table from its start, on every fetch of every
 * tracking reader, while any transaction that took an index has not committed (nearly always, under load). The gaps
 * lie below the token's index, so the gaps found followed by the events after the index are in index order.
 */
final class IndexSeekingEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    IndexSeekingEventStorageEngine(JpaEventStorageEngine.Builder builder) {
        super(builder);
    }

    @Override
    protected List<Object[]> fetchEvents(GapAwareTrackingToken token) {
        if (token == null || token.getGaps().isEmpty()) {
            return super.fetchEvents(token);
        }
        List<Object[]> events = new ArrayList<>(events("e.globalIndex IN :gaps",
                query -> query.setParameter("gaps", token.getGaps()).setMaxResults(batchSize())));
        if (events.size() < batchSize()) {
            events.addAll(events("e.globalIndex > :token", query -> query.setParameter("token", token.getIndex())
                    .setMaxResults(batchSize() - events.size())));
        }
        return events;
    }

    private List<Object[]> events(String condition, UnaryOperator<TypedQuery<Object[]>> parameters) {
        return parameters.apply(entityManager().createQuery(COLUMNS + domainEventEntryEntityName() + " e WHERE "
                + condition + " ORDER BY e.globalIndex ASC", Object[].class)).getResultList();
    }
}
