package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances of the read model on one database, each keeping the leads it folded. What an instance folded in a
 * transaction that rolled back (its command lost the race for the lead's next event) is never taken for the lead
 * at that version: the version belongs to whatever the other instance committed.
 */
class FoldedLeadsTest {

    private static final LeadId LEAD = LeadId.random();
    private static final StatusReference NEW = new StatusReference("S1", "New", LifeCycleState.PENDING);

    private JdbcTemplate jdbc;
    private SpringTransactionManager transactions;
    private LeadViewRepository first;
    private LeadViewRepository second;

    @BeforeEach
    void twoInstancesOnOneReadModel() {
        jdbc = ReadModelDatabase.fresh();
        transactions = new SpringTransactionManager(new DataSourceTransactionManager(jdbc.getDataSource()));
        first = new LeadViewRepository(jdbc, new FoldedLeads(100));
        second = new LeadViewRepository(jdbc, new FoldedLeads(100));
    }

    private LeadProjection projection(LeadViewRepository leads) {
        return new LeadProjection(leads, new HistoryWriter(new LeadHistoryRepository(jdbc), leads,
                new LeadEvents(EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build()),
                new DataSourceTransactionManager(jdbc.getDataSource()), 100));
    }

    private static DomainEventMessage<LeadEvent> event(long sequence, LeadEvent event) {
        return new GenericDomainEventMessage<>("Lead", LEAD.value(), sequence, event,
                MetaData.from(Map.of(LeadMetadata.USER_ID, "U1", LeadMetadata.UNIT_ID, "N1",
                        LeadMetadata.REQUEST_ID, "R" + sequence)), UUID.randomUUID().toString(), Instant.now());
    }

    private static FieldChanged description(String text) {
        return new FieldChanged(LEAD, LeadField.DESCRIPTION, null, new FieldValue.Text(text));
    }

    /** Folds {@code message} through {@code leads}' projection in a transaction of its own, committed. */
    private void committed(LeadViewRepository leads, DomainEventMessage<LeadEvent> message) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(message);
        unitOfWork.attachTransaction(transactions);
        projection(leads).on(message.getPayload(), message, unitOfWork);
        unitOfWork.commit();
    }

    @Test
    void whatAnInstanceFoldedInATransactionThatRolledBackIsNotTheLeadAtThatVersion() {
        committed(first, event(0, new LeadCreated(LEAD, "127", new Reference("T1", "Type"),
                new Reference("C1", "Contact"), null, NEW)));
        committed(first, event(1, description("first")));

        DomainEventMessage<LeadEvent> lost = event(2, description("lost the race"));
        DefaultUnitOfWork<?> losing = DefaultUnitOfWork.startAndGet(lost);
        losing.attachTransaction(transactions);
        projection(first).on(lost.getPayload(), lost, losing);
        losing.onPrepareCommit(unitOfWork -> {
            throw new IllegalStateException("another instance stored event 2 of the lead first");
        });
        assertThatThrownBy(losing::commit).isInstanceOf(IllegalStateException.class);
        committed(second, event(2, description("won the race")));

        LeadState lead = first.find(LEAD).orElseThrow();
        assertThat(lead.version()).isEqualTo(2);
        assertThat(lead.value(LeadField.DESCRIPTION, String.class)).isEqualTo("won the race");
        assertThat(first.folded(LEAD, 2)).isEmpty();
        assertThat(first.folded(LEAD, 1)).hasValueSatisfying(kept ->
                assertThat(kept.value(LeadField.DESCRIPTION, String.class)).isEqualTo("first"));
    }
}
