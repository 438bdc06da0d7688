package com.crm.leads.app.config;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Axon's JPA event storage, with two of its reads asked so that both stores answer them from an index.
 * <ul>
 * <li>The events after a tracking token with gaps: Axon asks for {@code globalIndex > :token OR globalIndex IN
 * :gaps} in one query, and neither H2 nor PostgreSQL answers that disjunction from the primary key: both walk the
 * event table from its start, on every fetch of every tracking reader, while any transaction that took an index has
 * not committed (nearly always, under load). Here they are two seeks; the gaps lie below the token's index, so the
 * gaps found followed by the events after the index are in index order.</li>
 * <li>A batch of one aggregate's events from a sequence number: Axon orders by the sequence number alone, and H2
 * does not see that its index on (aggregate, sequence number) is in that order once the aggregate is fixed, so it
 * reads every later event of the aggregate and sorts them, for each batch of 100. A lead of 100,000 events asked for
 * as it stood at version 50 read all of them. Ordered by both columns, the batch is a range of that index.</li>
 * </ul>
 */
final class IndexSeekingEventStorageEngine extends JpaEventStorageEngine {

    private static final String COLUMNS = "SELECT e.globalIndex, e.type, e.aggregateIdentifier, e.sequenceNumber, "
            + "e.eventIdentifier, e.timeStamp, e.payloadType, e.payloadRevision, e.payload, e.metaData FROM ";

    @SuppressWarnings("unchecked")
    private static final Class<GenericDomainEventEntry<?>> DOMAIN_EVENT_ENTRY =
            (Class<GenericDomainEventEntry<?>>) (Class<?>) GenericDomainEventEntry.class;

    private final TransactionManager transactionManager;

    /** {@code transactionManager} is the one {@code builder} was given: Axon keeps its own copy to itself. */
    IndexSeekingEventStorageEngine(JpaEventStorageEngine.Builder builder, TransactionManager transactionManager) {
        super(builder.transactionManager(transactionManager));
        this.transactionManager = transactionManager;
    }

    @Override
    protected List<? extends DomainEventData<?>> fetchDomainEvents(String aggregateIdentifier,
                                                                   long firstSequenceNumber, int batchSize) {
        return transactionManager.<List<? extends DomainEventData<?>>>fetchInTransaction(() -> entityManager()
                .createQuery(
                        "SELECT new " + GenericDomainEventEntry.class.getName() + "(e.type, e.aggregateIdentifier, "
                                + "e.sequenceNumber, e.eventIdentifier, e.timeStamp, e.payloadType, "
                                + "e.payloadRevision, e.payload, e.metaData) FROM " + domainEventEntryEntityName()
                                + " e WHERE e.aggregateIdentifier = :id AND e.sequenceNumber >= :seq"
                                + " ORDER BY e.aggregateIdentifier ASC, e.sequenceNumber ASC",
                        DOMAIN_EVENT_ENTRY)
                .setParameter("id", aggregateIdentifier)
                .setParameter("seq", firstSequenceNumber)
                .setMaxResults(batchSize)
                .getResultList());
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
