package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.catalogue.Catalogue;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.query.FindLeadAsOfQuery;
import com.crm.leads.api.query.FindLeadHistoryQuery;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.HistoryPage;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadLookup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The history entries and checkpoints the lead-view projection keeps from events: what it stores, that history and
 * time travel answer from them reading only a page's worth, that a store without them gets them, and that a
 * rebuild makes them again.
 */
class HistoryProjectionTest {

    private static final LeadId LEAD = new LeadId("5DF94747AE1C4DA4916DD5012F245DCE");
    private static final LeadId OTHER = new LeadId("6DF94747AE1C4DA4916DD5012F245DCE");
    private static final int CHECKPOINT_INTERVAL = 10;
    private static final StatusReference NEW = new StatusReference("S1", "New", LifeCycleState.PENDING);
    private static final Instant CREATED = Instant.parse("2018-01-22T10:02:58Z");
    private static final Instant NOW = Instant.parse("2019-01-01T00:00:00Z");

    private final AtomicLong eventsRead = new AtomicLong();
    private final Map<LeadId, Long> sequences = new java.util.HashMap<>();
    private JdbcTemplate jdbc;
    private EventStore eventStore;
    private LeadEvents events;
    private LeadRenderer renderer;
    private LeadQueryHandler queries;
    private HistoryWriter history;
    private ReadModelRebuild rebuild;

    @BeforeEach
    void freshReadModel() {
        jdbc = ReadModelDatabase.fresh();
        LeadViewRepository leads = new LeadViewRepository(jdbc, new FoldedLeads(100));
        LeadHistoryRepository stored = new LeadHistoryRepository(jdbc);
        EventStorageEngine storage = new CountingStorage(new InMemoryEventStorageEngine());
        eventStore = EmbeddedEventStore.builder().storageEngine(storage).build();
        events = new LeadEvents(eventStore);
        history = new HistoryWriter(stored, leads, events, new DataSourceTransactionManager(jdbc.getDataSource()),
                CHECKPOINT_INTERVAL);
        SubscribingEventProcessor.builder().name(ProcessingGroups.LEAD_VIEW).messageSource(eventStore)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new LeadProjection(leads, history))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .build().start();
        Catalogue catalogue = new Catalogue() {
            @Override
            public <T extends CatalogueEntry> List<T> all(Class<T> kind) {
                return List.of();
            }
        };
        renderer = new LeadRenderer(catalogue, Clock.fixed(NOW, ZoneOffset.UTC));
        queries = new LeadQueryHandler(leads, new LeadList(jdbc), renderer, events, new LeadHistory(stored, renderer),
                stored);
        rebuild = new ReadModelRebuild(storage, leads, jdbc, events, history, stored);
    }

    /** The events of one call, each a second after the one before unless dated otherwise. */
    private void given(LeadId leadId, List<Instant> dates, List<LeadEvent> changes) {
        List<DomainEventMessage<LeadEvent>> messages = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            long sequence = sequences.merge(leadId, 1L, Long::sum) - 1;
            messages.add(new GenericDomainEventMessage<>("Lead", leadId.value(), sequence, changes.get(i),
                    MetaData.from(Map.of(LeadMetadata.USER_ID, sequence % 2 == 0 ? "U1" : "U2",
                            LeadMetadata.UNIT_ID, "UN1", LeadMetadata.REQUEST_ID, "R" + sequence)),
                    UUID.randomUUID().toString(), dates.get(i)));
        }
        eventStore.publish(messages);
    }

    private void givenCreated(LeadId leadId) {
        given(leadId, List.of(CREATED), List.of(new LeadCreated(leadId, leadId == LEAD ? "127" : "128",
                new Reference("T1", "Type"), new Reference("P1", "Contact"), new Reference("A1", "Account"), NEW)));
    }

    /** {@code count} description changes, event n (from 1) writing "vn" at {@code CREATED} + n seconds. */
    private void givenDescriptions(LeadId leadId, int count, int perCall) {
        for (int first = 1; first <= count; first += perCall) {
            List<Instant> dates = new ArrayList<>();
            List<LeadEvent> changes = new ArrayList<>();
            for (int n = first; n < first + perCall && n <= count; n++) {
                dates.add(CREATED.plusSeconds(n));
                changes.add(description(leadId, n));
            }
            given(leadId, dates, changes);
        }
    }

    private static FieldChanged description(LeadId leadId, int n) {
        return new FieldChanged(leadId, LeadField.DESCRIPTION, n == 1 ? null : new FieldValue.Text("v" + (n - 1)),
                new FieldValue.Text("v" + n));
    }

    private HistoryPage history(LeadField field, String user, int page, int size) {
        return queries.handle(new FindLeadHistoryQuery(new LeadLookup.ById(LEAD),
                field == null ? null : Set.of(new HistoryEntry.Changed.Field(field)), user, null, null, page,
                size, EVERY_LEAD)).orElseThrow();
    }

    private Optional<LeadComplete> asOf(Long version, Instant before) {
        return queries.handle(new FindLeadAsOfQuery(new LeadLookup.ById(LEAD), version, before, EVERY_LEAD));
    }

    /** The lead as of a moment the way it was answered before there were checkpoints: every event folded. */
    private Optional<LeadComplete> foldedFromTheFirstEvent(Predicate<DomainEventMessage<LeadEvent>> after,
                                                           Instant before) {
        LeadState past = null;
        for (DomainEventMessage<LeadEvent> event : events.of(LEAD)) {
            if (after.test(event)) {
                break;
            }
            past = past == null ? LeadState.start(event) : past.apply(event);
        }
        return Optional.ofNullable(past).map(lead -> renderer.render(lead, before == null ? lead.updated().date()
                : before));
    }

    private List<Map<String, Object>> storedHistory() {
        return Stream.concat(jdbc.queryForList("SELECT * FROM lead_history_entry ORDER BY lead_id, ordinal").stream(),
                jdbc.queryForList("SELECT * FROM lead_checkpoint ORDER BY lead_id, version").stream()).toList();
    }

    @Test
    void eachChangeIsStoredAsAnEntryNumberedInOrderAndEveryTenthEventLeavesACheckpoint() {
        givenCreated(LEAD);
        givenDescriptions(LEAD, 20, 7);

        List<Map<String, Object>> entries = jdbc.queryForList("SELECT ordinal, sequence_number, event, field,"
                + " user_id, request_id, value_kind FROM lead_history_entry WHERE lead_id = ? ORDER BY ordinal",
                LEAD.value());
        assertThat(entries).hasSize(5 + 20);
        assertThat(entries.get(0)).containsEntry("ORDINAL", 0L).containsEntry("SEQUENCE_NUMBER", 0L)
                .containsEntry("EVENT", "LEAD_CREATED").containsEntry("FIELD", "NUMBER")
                .containsEntry("VALUE_KIND", "TEXT").containsEntry("USER_ID", "U1");
        assertThat(entries.get(4)).containsEntry("FIELD", "STATUS").containsEntry("VALUE_KIND", "STATUS");
        assertThat(entries.get(24)).containsEntry("ORDINAL", 24L).containsEntry("SEQUENCE_NUMBER", 20L)
                .containsEntry("EVENT", "FIELD_CHANGED").containsEntry("FIELD", "DESCRIPTION")
                .containsEntry("VALUE_KIND", "FIELD").containsEntry("REQUEST_ID", "R20");
        assertThat(jdbc.queryForList("SELECT version FROM lead_checkpoint WHERE lead_id = ? ORDER BY version",
                Long.class, LEAD.value())).containsExactly(9L, 19L);
        assertThat(asOf(9L, null).orElseThrow().field(LeadField.DESCRIPTION, String.class)).isEqualTo("v9");
    }

    @Test
    void aPageOfTheHistoryAndAPastVersionOfALeadWithThousandsOfEventsReadOnlyAPagesWorth() {
        givenCreated(LEAD);
        givenDescriptions(LEAD, 5_000, 250);
        eventsRead.set(0);

        HistoryPage first = history(null, null, 1, 50);
        HistoryPage middle = history(null, null, 60, 50);
        HistoryPage filtered = history(LeadField.DESCRIPTION, "U2", 20, 50);

        assertThat(first.total()).isEqualTo(5_005);
        assertThat(first.entries()).extracting(HistoryEntry::sequenceNumber).startsWith(0L, 0L, 0L, 0L, 0L, 1L)
                .endsWith(45L);
        assertThat(middle.entries()).extracting(HistoryEntry::sequenceNumber).startsWith(2_946L).endsWith(2_995L);
        assertThat(filtered.total()).isEqualTo(2_500);
        assertThat(filtered.entries()).extracting(HistoryEntry::newValue).startsWith(new FieldValue.Text("v1901"))
                .hasSize(50);
        assertThat(eventsRead).as("events read for three pages of history").hasValue(0);

        assertThat(asOf(2_345L, null).orElseThrow().field(LeadField.DESCRIPTION, String.class)).isEqualTo("v2345");
        assertThat(eventsRead.getAndSet(0)).as("events read for a version").isLessThanOrEqualTo(CHECKPOINT_INTERVAL);
        assertThat(asOf(null, CREATED.plusSeconds(4_321)).orElseThrow().field(LeadField.DESCRIPTION, String.class)).isEqualTo("v4320");
        assertThat(eventsRead.get()).as("events read for a date").isLessThanOrEqualTo(CHECKPOINT_INTERVAL + 1);
    }

    @Test
    void aLeadAsOfEachVersionAndDateIsTheFoldOfItsEventsUpToThemEvenWhenADateGoesBack() {
        givenCreated(LEAD);
        givenDescriptions(LEAD, 18, 5);
        // a call dated before the latest event (another instance's clock behind), its first event the second
        // checkpoint: as of a date stops at the first event from then on, so this one counts only with those
        // before it
        given(LEAD, List.of(CREATED.plusSeconds(3), CREATED.plusSeconds(30)),
                List.of(description(LEAD, 19), description(LEAD, 20)));
        given(LEAD, List.of(CREATED.plusSeconds(31)), List.of(description(LEAD, 21)));

        for (long version = 0; version <= 22; version++) {
            long asked = version;
            assertThat(asOf(version, null)).as("as of version %d", version)
                    .isEqualTo(version > 21 ? Optional.empty()
                            : foldedFromTheFirstEvent(event -> event.getSequenceNumber() > asked, null));
        }
        for (int second = 0; second <= 32; second++) {
            Instant before = CREATED.plusSeconds(second);
            assertThat(asOf(null, before)).as("as of %s", before)
                    .isEqualTo(foldedFromTheFirstEvent(event -> !event.getTimestamp().isBefore(before), before));
        }
    }

    @Test
    void aStoreKeptBeforeTheHistoryGetsTheHistoryOfItsEventsAtStart() {
        givenCreated(LEAD);
        givenDescriptions(LEAD, 25, 4);
        givenCreated(OTHER);
        List<Map<String, Object>> kept = storedHistory();
        jdbc.update("DELETE FROM lead_history_entry WHERE lead_id = ?", LEAD.value());
        jdbc.update("DELETE FROM lead_checkpoint WHERE lead_id = ?", LEAD.value());

        assertThat(history.catchUp()).isEqualTo(1);

        assertThat(storedHistory()).isEqualTo(kept);
        assertThat(history.catchUp()).isZero();
    }

    @Test
    void aCallOnALeadWhoseHistoryIsBehindFillsItInFirst() {
        givenCreated(LEAD);
        givenDescriptions(LEAD, 26, 4);
        List<Map<String, Object>> kept = storedHistory();
        jdbc.update("DELETE FROM lead_history_entry WHERE lead_id = ? AND sequence_number > 12", LEAD.value());
        jdbc.update("DELETE FROM lead_checkpoint WHERE lead_id = ? AND version > 12", LEAD.value());

        given(LEAD, List.of(CREATED.plusSeconds(27)), List.of(description(LEAD, 27)));

        assertThat(storedHistory()).filteredOn(row -> !Long.valueOf(27).equals(row.get("SEQUENCE_NUMBER")))
                .isEqualTo(kept);
        HistoryPage page = history(null, null, 1, 1000);
        assertThat(page.total()).isEqualTo(5 + 27);
        assertThat(page.entries()).extracting(HistoryEntry::sequenceNumber).endsWith(25L, 26L, 27L);
    }

    @Test
    void aRebuildMakesTheHistoryAndCheckpointsAgain() {
        givenCreated(LEAD);
        givenDescriptions(LEAD, 33, 6);
        givenCreated(OTHER);
        givenDescriptions(OTHER, 12, 12);
        List<Map<String, Object>> kept = storedHistory();
        jdbc.update("DELETE FROM lead_history_entry WHERE lead_id = ? AND ordinal > 20", LEAD.value());
        jdbc.update("UPDATE lead_history_entry SET new_value = NULL WHERE lead_id = ?", OTHER.value());
        jdbc.update("DELETE FROM lead_checkpoint WHERE lead_id = ?", OTHER.value());

        rebuild.rebuild();

        assertThat(storedHistory()).isEqualTo(kept);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lead_history_entry_rebuild", Long.class)).isZero();
    }

    /** The event store's storage, counting the events of single leads that readers take from it. */
    private final class CountingStorage implements EventStorageEngine {

        private final EventStorageEngine storage;

        CountingStorage(EventStorageEngine storage) {
            this.storage = storage;
        }

        @Override
        public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
            return DomainEventStream.of(storage.readEvents(aggregateIdentifier, firstSequenceNumber).asStream()
                    .peek(event -> eventsRead.incrementAndGet()));
        }

        @Override
        public void appendEvents(List<? extends EventMessage<?>> events) {
            storage.appendEvents(events);
        }

        @Override
        public void storeSnapshot(DomainEventMessage<?> snapshot) {
            storage.storeSnapshot(snapshot);
        }

        @Override
        public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
            return storage.readEvents(trackingToken, mayBlock);
        }

        @Override
        public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
            return storage.readSnapshot(aggregateIdentifier);
        }

        @Override
        public TrackingToken createTailToken() {
            return storage.createTailToken();
        }

        @Override
        public TrackingToken createHeadToken() {
            return storage.createHeadToken();
        }
    }
}
