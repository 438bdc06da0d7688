package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.Importance;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.PeriodUnit;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetMember;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.catalogue.AccountsReceivable;
import com.crm.leads.api.catalogue.Catalogue;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.api.catalogue.Category;
import com.crm.leads.api.catalogue.Communication;
import com.crm.leads.api.catalogue.Competitor;
import com.crm.leads.api.catalogue.Contact;
import com.crm.leads.api.catalogue.Group;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.catalogue.LeadType;
import com.crm.leads.api.catalogue.LostReason;
import com.crm.leads.api.catalogue.ProductType;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.api.event.CompetitorAdded;
import com.crm.leads.api.event.CompetitorRemoved;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadReopened;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.ProductAdded;
import com.crm.leads.api.event.ProductRemoved;
import com.crm.leads.api.event.StatusChanged;
import com.crm.leads.api.event.UserAdded;
import com.crm.leads.api.event.UserRemoved;
import com.crm.leads.api.query.FindLeadAsOfQuery;
import com.crm.leads.api.query.FindLeadHistoryQuery;
import com.crm.leads.api.query.FindLeadQuery;
import com.crm.leads.api.query.HistoryEntry.Changed.Part;
import com.crm.leads.api.query.HistoryEntry.Event;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.HistoryPage;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadLookup;
import com.crm.leads.api.query.TimePeriod;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Feeds events to the event store and the projection, and reads the lead back as a client would get it: as it is
 * now, as it was, and its history.
 */
class LeadProjectionTest {

    private static final LeadId LEAD = new LeadId("4DF94747AE1C4DA4916DD5012F245DCE");
    private static final LeadStatus NEW = new LeadStatus("S1", "New", "NEW", "just in", LifeCycleState.PENDING);
    private static final LeadStatus WON = new LeadStatus("S2", "Won", "WON", null, LifeCycleState.WON);
    private static final LeadStatus LOST = new LeadStatus("S3", "Lost", "LOST", null, LifeCycleState.LOST);
    private static final LostReason PRICE = new LostReason("LR1", "Price", "PRC", "too expensive");
    private static final Category NEW_CUSTOMER = new Category("C1", "New Customer", "NC", null);
    private static final LeadType TYPE = new LeadType("T1", "New Customer", "NC", null);
    private static final Contact CONTACT = new Contact("P1", "PERSON", "Kokos Panagi", "Kokos", null, "Panagi", null,
            null, null, "FINANCIAL", new Contact.Demographics("MALE", "9896546", null, null, null, null, null, null,
            new Contact.DateOfBirth(null, null, null), new Contact.NameDay(null, null)));
    private static final AccountsReceivable ACCOUNT = new AccountsReceivable("A1", "ACR0000000094",
            "ACR0000000094 Kokos Panagi", "ACTIVE", "P1");
    private static final User ADMIN = new User("1", "MPAdministrator", "CRM COM", null);
    private static final User SUPERVISOR = new User("U2", "supervisor", "supervisor", "super@visor.com");
    private static final Unit ADMIN_UNIT = new Unit("UN1", "Admin Unit", "adminunit", "admin unit", "Main Group",
            "Community", null);
    private static final Instant CREATED = Instant.parse("2018-01-22T10:02:58Z");
    private static final Instant NOW = Instant.parse("2018-02-01T12:00:00Z");

    private static final Competitor MAGNAQUEST = new Competitor("K1", "MagnaQuest", "www.magnaquest.com", null);
    private static final ProductType ADD_ONS = new ProductType("PT1", "Add-ons", "AO", null);
    private static final Group MAIN_GROUP = new Group("G1", "Main Group", "MG", "Main Group", "Community");
    private static final Communication CALL = new Communication("M1", "204", "DRAFT", "P1");

    private final List<CatalogueEntry> entries = new ArrayList<>(List.of(NEW, WON, LOST, PRICE, NEW_CUSTOMER, TYPE,
            CONTACT, ACCOUNT, ADMIN, SUPERVISOR, ADMIN_UNIT, MAGNAQUEST, ADD_ONS, MAIN_GROUP, CALL));
    private final Catalogue catalogue = new Catalogue() {
        @Override
        public <T extends CatalogueEntry> List<T> all(Class<T> kind) {
            return entries.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    };

    private EventStore eventStore;
    private LeadQueryHandler queries;
    private long sequence;

    @BeforeEach
    void freshReadModel() {
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        LeadViewRepository repository = new LeadViewRepository(jdbc, new FoldedLeads(100));
        LeadHistoryRepository history = new LeadHistoryRepository(jdbc);
        eventStore = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
        LeadEvents events = new LeadEvents(eventStore);
        // a checkpoint every third event, so that the past is folded from checkpoints here too
        HistoryWriter writer = new HistoryWriter(history, repository, events,
                new DataSourceTransactionManager(jdbc.getDataSource()), 3);
        // as the application runs it: subscribed to the store, each published batch handled in one unit of work
        SubscribingEventProcessor.builder().name(ProcessingGroups.LEAD_VIEW).messageSource(eventStore)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new LeadProjection(repository, writer))
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance()).build())
                .build().start();
        LeadRenderer renderer = new LeadRenderer(catalogue, Clock.fixed(NOW, ZoneOffset.UTC));
        queries = new LeadQueryHandler(repository, new LeadList(jdbc), renderer, events,
                new LeadHistory(history, renderer), history);
        sequence = 0;
    }

    /** The events of one command: stored together, and folded into the read model together. */
    private void given(Instant at, User user, LeadEvent... events) {
        List<DomainEventMessage<LeadEvent>> messages = new ArrayList<>();
        for (LeadEvent event : events) {
            messages.add(new GenericDomainEventMessage<>("Lead", LEAD.value(), sequence++, event,
                    MetaData.from(Map.of(LeadMetadata.USER_ID, user.id(), LeadMetadata.UNIT_ID, ADMIN_UNIT.id(),
                            LeadMetadata.REQUEST_ID, "R" + sequence)), UUID.randomUUID().toString(), at));
        }
        eventStore.publish(messages);
    }

    private void givenCreated() {
        given(CREATED, ADMIN, new LeadCreated(LEAD, "127", ref(TYPE.id(), TYPE.name()),
                        ref(CONTACT.id(), CONTACT.name()), ref(ACCOUNT.id(), ACCOUNT.name()), status(NEW)),
                new FieldChanged(LEAD, LeadField.IMPORTANCE, null, new FieldValue.Code("IMPORTANCE1")),
                new FieldChanged(LEAD, LeadField.PRIORITY, null, new FieldValue.Whole(1)));
    }

    private LeadComplete lead() {
        return queries.handle(new FindLeadQuery(new LeadLookup.ById(LEAD), EVERY_LEAD)).orElseThrow();
    }

    private static Reference ref(String id, String name) {
        return new Reference(id, name);
    }

    private static StatusReference status(LeadStatus status) {
        return new StatusReference(status.id(), status.name(), status.lifeCycleState());
    }

    @Test
    void aCreatedLeadShowsItsReferencesAsCatalogueObjects() {
        givenCreated();

        LeadComplete lead = lead();
        assertThat(lead.id()).isEqualTo(LEAD.value());
        assertThat(lead.number()).isEqualTo("127");
        assertThat(lead.status()).isEqualTo(NEW);
        assertThat(lead.lifeCycleState()).isEqualTo(LifeCycleState.PENDING);
        assertThat(lead.type()).isEqualTo(TYPE);
        assertThat(lead.contactInformation()).isEqualTo(CONTACT);
        assertThat(lead.accountsReceivable().accountOwner()).isEqualTo(CONTACT);
        assertThat(lead.accountsReceivable().number()).isEqualTo("ACR0000000094");
        assertThat(lead.field(LeadField.IMPORTANCE, Importance.class)).isEqualTo(Importance.IMPORTANCE1);
        assertThat(lead.field(LeadField.PRIORITY, Long.class)).isEqualTo(1L);
        assertThat(lead.actualCompletionDate()).isNull();
        assertThat(lead.version()).isEqualTo(2);
    }

    @Test
    void logInformationComesFromTheFirstAndTheLatestEvent() {
        givenCreated();
        Instant later = CREATED.plusSeconds(1664);
        given(later, SUPERVISOR, new FieldChanged(LEAD, LeadField.DESCRIPTION, null, new FieldValue.Text("hot")));

        var log = lead().logInformation();
        assertThat(log.createdDate()).isEqualTo(CREATED);
        assertThat(log.createdByUser()).isEqualTo(ADMIN);
        assertThat(log.updatedDate()).isEqualTo(later);
        assertThat(log.updatedByUser()).isEqualTo(SUPERVISOR);
        assertThat(log.createdByUnit()).isEqualTo(ADMIN_UNIT);
        assertThat(log.updatedByUnit()).isEqualTo(ADMIN_UNIT);
    }

    @Test
    void eachFieldShowsItsLatestValueAndNullClearsIt() {
        givenCreated();
        LocalDateTime start = LocalDateTime.of(2018, 1, 22, 10, 2, 58);
        given(CREATED, ADMIN,
                new FieldChanged(LEAD, LeadField.CONTACT_EMAIL, null, new FieldValue.Text("a@example.com")),
                new FieldChanged(LEAD, LeadField.PROBABILITY_TO_WIN, null, new FieldValue.Decimal(new BigDecimal("40"))),
                new FieldChanged(LEAD, LeadField.UDF_STRING_8, null, new FieldValue.Text("eighth")),
                new FieldChanged(LEAD, LeadField.UDF_FLOAT_4, null, new FieldValue.Decimal(new BigDecimal("2.5"))),
                new FieldChanged(LEAD, LeadField.UDF_DATE_2, null, new FieldValue.DateTime(start)),
                new FieldChanged(LEAD, LeadField.START_DATE, null, new FieldValue.DateTime(start)),
                new FieldChanged(LEAD, LeadField.CATEGORY, null, new FieldValue.Entity(ref("C1", "New Customer"))),
                new FieldChanged(LEAD, LeadField.CONTACT_EMAIL, new FieldValue.Text("a@example.com"), null));

        LeadComplete lead = lead();
        assertThat(lead.field(LeadField.CONTACT_EMAIL, String.class)).isNull();
        assertThat(lead.field(LeadField.PROBABILITY_TO_WIN, BigDecimal.class)).isEqualByComparingTo("40");
        assertThat(lead.field(LeadField.UDF_STRING_8, String.class)).isEqualTo("eighth");
        assertThat(lead.field(LeadField.UDF_FLOAT_4, BigDecimal.class)).isEqualByComparingTo("2.5");
        assertThat(lead.field(LeadField.UDF_DATE_2, LocalDateTime.class)).isEqualTo(start);
        assertThat(lead.field(LeadField.START_DATE, LocalDateTime.class)).isEqualTo(start);
        assertThat(lead.field(LeadField.CATEGORY, Category.class)).isEqualTo(NEW_CUSTOMER);
        assertThat(lead.version()).isEqualTo(10);
    }

    @Test
    void aMoveToWonClosesTheLeadAtTheTimeOfTheEvent() {
        givenCreated();
        Instant won = CREATED.plusSeconds(3600);
        given(won, ADMIN, new StatusChanged(LEAD, status(NEW), status(WON), null, null));

        LeadComplete lead = lead();
        assertThat(lead.status()).isEqualTo(WON);
        assertThat(lead.lifeCycleState()).isEqualTo(LifeCycleState.WON);
        assertThat(lead.actualCompletionDate()).isEqualTo(won);
    }

    @Test
    void aReopenedLeadIsPendingInItsNewStatusWithoutACompletionDateAndItsHistorySaysWhy() {
        givenCreated();
        given(CREATED, ADMIN, new StatusChanged(LEAD, status(NEW), status(LOST), ref(PRICE.id(), PRICE.name()), null));
        given(NOW, ADMIN, new LeadReopened(LEAD, status(LOST), status(NEW), "a better offer"));

        LeadComplete lead = lead();
        HistoryPage history = queries.handle(new FindLeadHistoryQuery(new LeadLookup.ById(LEAD), null, null, null,
                null, 1, 50, EVERY_LEAD)).orElseThrow();
        LeadComplete whenLost = queries.handle(new FindLeadAsOfQuery(new LeadLookup.ById(LEAD), 3L, null,
                EVERY_LEAD)).orElseThrow();

        assertThat(lead.status()).isEqualTo(NEW);
        assertThat(lead.lifeCycleState()).isEqualTo(LifeCycleState.PENDING);
        assertThat(lead.lostReason()).isNull();
        assertThat(lead.actualCompletionDate()).isNull();
        assertThat(lead.version()).isEqualTo(4);
        assertThat(whenLost.lifeCycleState()).isEqualTo(LifeCycleState.LOST);
        List<HistoryEntry> reopened = history.entries().stream()
                .filter(entry -> entry.event() == Event.LEAD_REOPENED).toList();
        assertThat(reopened).extracting(HistoryEntry::changed, HistoryEntry::oldValue, HistoryEntry::newValue)
                .containsExactly(tuple(Part.STATUS, status(LOST), status(NEW)),
                        tuple(Part.REASON, null, "a better offer"));
    }

    @Test
    void aMoveToLostShowsItsLostReason() {
        givenCreated();
        given(CREATED, ADMIN, new StatusChanged(LEAD, status(NEW), status(LOST), ref(PRICE.id(), PRICE.name()), null));

        LeadComplete lead = lead();
        assertThat(lead.lifeCycleState()).isEqualTo(LifeCycleState.LOST);
        assertThat(lead.lostReason()).isEqualTo(PRICE);
        assertThat(lead.actualCompletionDate()).isEqualTo(CREATED);
    }

    @Test
    void anEntityTheCatalogueNoLongerHasIsShownAsTheEventsRememberIt() {
        givenCreated();
        given(CREATED, ADMIN, new FieldChanged(LEAD, LeadField.CATEGORY, null,
                new FieldValue.Entity(ref("C-OLD", "Retired Category"))));

        assertThat(lead().field(LeadField.CATEGORY, Category.class)).isEqualTo(new Category("C-OLD", "Retired Category", null, null));
    }

    @Test
    void aCatalogueRenameShowsInTheLead() {
        givenCreated();
        entries.remove(NEW);
        LeadStatus renamed = new LeadStatus(NEW.id(), "Fresh", "NEW", null, LifeCycleState.PENDING);
        entries.add(renamed);

        assertThat(lead().status()).isEqualTo(renamed);
    }

    @Test
    void aLeadIsFoundByNumberAsByIdAndAnUnknownOneIsAbsent() {
        givenCreated();

        assertThat(queries.handle(new FindLeadQuery(new LeadLookup.ByNumber("127"), EVERY_LEAD))).contains(lead());
        assertThat(queries.handle(new FindLeadQuery(new LeadLookup.ByNumber("128"), EVERY_LEAD))).isEmpty();
    }

    @Test
    void setRowsAppearInTheOrderAddedAndLeaveWhenRemoved() {
        givenCreated();
        SetRow magnaQuest = new SetRow("A0000000000000000000000000000001",
                SetMember.competitor(ref(MAGNAQUEST.id(), MAGNAQUEST.name())));
        SetRow supervisor = new SetRow("A0000000000000000000000000000002", SetMember.user(ref(SUPERVISOR.id(), "x")));
        SetRow admin = new SetRow("A0000000000000000000000000000003", SetMember.user(ref(ADMIN.id(), "y")));
        SetRow addOns = new SetRow("A0000000000000000000000000000004",
                new SetMember(SetMember.Kind.PRODUCT_TYPE, ref(ADD_ONS.id(), ADD_ONS.name())));
        given(CREATED, ADMIN, new CompetitorAdded(LEAD, magnaQuest), new UserAdded(LEAD, supervisor),
                new UserAdded(LEAD, admin), new ProductAdded(LEAD, addOns), new UserRemoved(LEAD, supervisor));

        LeadComplete lead = lead();
        assertThat(lead.competitorsSet()).containsExactly(new LeadComplete.CompetitorRow(magnaQuest.rowId(), MAGNAQUEST));
        assertThat(lead.usersSet()).containsExactly(new LeadComplete.UserRow(admin.rowId(), ADMIN));
        assertThat(lead.productsSet()).containsExactly(
                new LeadComplete.ProductRow(addOns.rowId(), null, ADD_ONS, null, null));
    }

    @Test
    void sourceAssignmentOwnerAndGroupAreShownAsCatalogueObjects() {
        givenCreated();
        given(CREATED, ADMIN,
                new FieldChanged(LEAD, LeadField.SOURCE, null,
                        new FieldValue.Source("COMMUNICATIONS", ref(CALL.id(), CALL.number()), null)),
                new FieldChanged(LEAD, LeadField.ASSIGNED_TO, null,
                        new FieldValue.Assignment(ref(ADMIN_UNIT.id(), null), ref(SUPERVISOR.id(), null))),
                new FieldChanged(LEAD, LeadField.LEAD_OWNER, null, new FieldValue.Entity(ref(ADMIN.id(), null))),
                new FieldChanged(LEAD, LeadField.OWNED_BY_GROUP, null,
                        new FieldValue.Entity(ref(MAIN_GROUP.id(), null))));

        LeadComplete lead = lead();
        assertThat(lead.field(LeadField.SOURCE, LeadComplete.LeadSource.class).type()).isEqualTo("COMMUNICATIONS");
        assertThat(lead.field(LeadField.SOURCE, LeadComplete.LeadSource.class).communication().number()).isEqualTo("204");
        assertThat(lead.field(LeadField.SOURCE, LeadComplete.LeadSource.class).communication().contactInformation()).isEqualTo(CONTACT);
        assertThat(lead.field(LeadField.ASSIGNED_TO, LeadComplete.AssignedTo.class)).isEqualTo(new LeadComplete.AssignedTo(ADMIN_UNIT, SUPERVISOR));
        assertThat(lead.field(LeadField.LEAD_OWNER, User.class)).isEqualTo(ADMIN);
        assertThat(lead.field(LeadField.OWNED_BY_GROUP, Group.class)).isEqualTo(MAIN_GROUP);
    }

    @Test
    void aPendingLeadShowsTheTimeLeftBeforeItsExpectedDateInTheLargestWholeUnit() {
        givenCreated();
        given(CREATED, ADMIN, new FieldChanged(LEAD, LeadField.EXPECTED_COMPLETION_DATE, null,
                        new FieldValue.DateTime(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).plusDays(17))),
                new FieldChanged(LEAD, LeadField.ESTIMATED_COMPLETION_TIME, null,
                        new FieldValue.Period(1, PeriodUnit.MONTHS)));

        LeadComplete lead = lead();
        assertThat(lead.timeToCompletion()).isEqualTo(new TimePeriod(2L, PeriodUnit.WEEKS));
        assertThat(lead.timeOverdue()).isEqualTo(TimePeriod.NONE);
        assertThat(lead.field(LeadField.ESTIMATED_COMPLETION_TIME, TimePeriod.class)).isEqualTo(new TimePeriod(1L, PeriodUnit.MONTHS));
    }

    @Test
    void aPendingLeadPastItsExpectedDateShowsTheTimeOverdue() {
        givenCreated();
        given(CREATED, ADMIN, new FieldChanged(LEAD, LeadField.EXPECTED_COMPLETION_DATE, null,
                new FieldValue.DateTime(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(5))));

        LeadComplete lead = lead();
        assertThat(lead.timeOverdue()).isEqualTo(new TimePeriod(5L, PeriodUnit.HOURS));
        assertThat(lead.timeToCompletion()).isEqualTo(TimePeriod.NONE);
    }

    @Test
    void aClosedLeadIsNeitherDueNorOverdue() {
        givenCreated();
        given(CREATED, ADMIN, new FieldChanged(LEAD, LeadField.EXPECTED_COMPLETION_DATE, null,
                        new FieldValue.DateTime(LocalDateTime.ofInstant(NOW, ZoneOffset.UTC).minusHours(5))),
                new StatusChanged(LEAD, status(NEW), status(WON), null, null));

        LeadComplete lead = lead();
        assertThat(lead.timeOverdue()).isEqualTo(TimePeriod.NONE);
        assertThat(lead.timeToCompletion()).isEqualTo(TimePeriod.NONE);
    }

    @Test
    void removedRowsLeaveTheirSetWhateverSetTheyAreIn() {
        givenCreated();
        SetRow magnaQuest = new SetRow("B0000000000000000000000000000001",
                SetMember.competitor(ref(MAGNAQUEST.id(), MAGNAQUEST.name())));
        SetRow addOns = new SetRow("B0000000000000000000000000000002",
                new SetMember(SetMember.Kind.PRODUCT_TYPE, ref(ADD_ONS.id(), ADD_ONS.name())));
        given(CREATED, ADMIN, new CompetitorAdded(LEAD, magnaQuest), new ProductAdded(LEAD, addOns),
                new CompetitorRemoved(LEAD, magnaQuest), new ProductRemoved(LEAD, addOns));

        assertThat(lead().competitorsSet()).isEmpty();
        assertThat(lead().productsSet()).isEmpty();
    }

    @Test
    void aLeadAsOfAVersionIsTheFoldOfItsEventsUpToIt() {
        givenCreated();
        given(CREATED.plusSeconds(60), SUPERVISOR,
                new FieldChanged(LEAD, LeadField.DESCRIPTION, null, new FieldValue.Text("first")),
                new FieldChanged(LEAD, LeadField.DESCRIPTION, new FieldValue.Text("first"), new FieldValue.Text("second")));

        LeadComplete atThree = queries.handle(new FindLeadAsOfQuery(new LeadLookup.ByNumber("127"), 3L, null,
                EVERY_LEAD))
                .orElseThrow();

        assertThat(atThree.field(LeadField.DESCRIPTION, String.class)).isEqualTo("first");
        assertThat(atThree.version()).isEqualTo(3);
        assertThat(atThree.logInformation().updatedByUser()).isEqualTo(SUPERVISOR);
        assertThat(queries.handle(new FindLeadAsOfQuery(new LeadLookup.ByNumber("127"), 4L, null, EVERY_LEAD)))
                .contains(lead());
        assertThat(queries.handle(new FindLeadAsOfQuery(new LeadLookup.ByNumber("127"), 5L, null,
                EVERY_LEAD))).isEmpty();
    }

    @Test
    void aLeadAsOfADateHasTheEventsFromBeforeItAndNotBeforeItsCreation() {
        givenCreated();
        given(CREATED.plusSeconds(60), SUPERVISOR,
                new FieldChanged(LEAD, LeadField.DESCRIPTION, null, new FieldValue.Text("later")));

        assertThat(queries.handle(new FindLeadAsOfQuery(new LeadLookup.ById(LEAD), null, CREATED.plusSeconds(60),
                EVERY_LEAD))
                .orElseThrow().field(LeadField.DESCRIPTION, String.class)).isNull();
        assertThat(queries.handle(new FindLeadAsOfQuery(new LeadLookup.ById(LEAD), null, CREATED.plusSeconds(61),
                EVERY_LEAD))
                .orElseThrow().field(LeadField.DESCRIPTION, String.class)).isEqualTo("later");
        assertThat(queries.handle(new FindLeadAsOfQuery(new LeadLookup.ById(LEAD), null, CREATED,
                EVERY_LEAD))).isEmpty();
    }

    @Test
    void theHistoryHasAnEntryPerChangedFieldWithWhoWhenAndWhichRequest() {
        givenCreated();
        given(CREATED.plusSeconds(60), SUPERVISOR,
                new StatusChanged(LEAD, status(NEW), status(LOST), ref(PRICE.id(), PRICE.name()), null));

        HistoryPage history = queries.handle(new FindLeadHistoryQuery(new LeadLookup.ById(LEAD), null, null, null,
                null, 1, 50, EVERY_LEAD)).orElseThrow();

        assertThat(history.entries()).extracting(HistoryEntry::event, HistoryEntry::changed).containsExactly(
                tuple(Event.LEAD_CREATED, Part.NUMBER), tuple(Event.LEAD_CREATED, Part.TYPE),
                tuple(Event.LEAD_CREATED, Part.CONTACT_INFORMATION), tuple(Event.LEAD_CREATED, Part.ACCOUNTS_RECEIVABLE),
                tuple(Event.LEAD_CREATED, Part.STATUS), tuple(Event.FIELD_CHANGED, field(LeadField.IMPORTANCE)),
                tuple(Event.FIELD_CHANGED, field(LeadField.PRIORITY)), tuple(Event.STATUS_CHANGED, Part.STATUS),
                tuple(Event.STATUS_CHANGED, Part.LOST_REASON));
        HistoryEntry lostReason = history.entries().get(8);
        assertThat(lostReason.newValue()).isEqualTo(ref(PRICE.id(), PRICE.name()));
        assertThat(lostReason.performedByUser()).isEqualTo(SUPERVISOR);
        assertThat(lostReason.performedDate()).isEqualTo(CREATED.plusSeconds(60));
        assertThat(lostReason.requestId()).isEqualTo("R4");
        assertThat(lostReason.sequenceNumber()).isEqualTo(3);
    }

    @Test
    void theHistoryFiltersByFieldUserAndDateAndPages() {
        givenCreated();
        given(CREATED.plusSeconds(60), SUPERVISOR,
                new FieldChanged(LEAD, LeadField.DESCRIPTION, null, new FieldValue.Text("one")),
                new FieldChanged(LEAD, LeadField.DESCRIPTION, new FieldValue.Text("one"), new FieldValue.Text("two")));

        assertThat(queries.handle(new FindLeadHistoryQuery(new LeadLookup.ById(LEAD), Set.of(field(LeadField.DESCRIPTION)), null, null, null,
                1, 1, EVERY_LEAD)).orElseThrow()).satisfies(page -> {
                    assertThat(page.total()).isEqualTo(2);
                    assertThat(page.entries()).extracting(HistoryEntry::newValue)
                            .containsExactly(new FieldValue.Text("one"));
                });
        assertThat(queries.handle(new FindLeadHistoryQuery(new LeadLookup.ById(LEAD), null, "supervisor", null, null,
                1, 50, EVERY_LEAD)).orElseThrow().total()).isEqualTo(2);
        assertThat(queries.handle(new FindLeadHistoryQuery(new LeadLookup.ById(LEAD), null, null,
                CREATED.plusSeconds(1), null, 1, 50, EVERY_LEAD)).orElseThrow().total()).isEqualTo(2);
        assertThat(queries.handle(new FindLeadHistoryQuery(new LeadLookup.ById(LEAD), null, null, null,
                CREATED.plusSeconds(1), 1, 50, EVERY_LEAD)).orElseThrow().total()).isEqualTo(7);
    }

    private static HistoryEntry.Changed field(LeadField field) {
        return new HistoryEntry.Changed.Field(field);
    }
}
