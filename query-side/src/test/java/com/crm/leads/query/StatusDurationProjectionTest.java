package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadReopened;
import com.crm.leads.api.event.StatusChanged;
import com.crm.leads.api.query.FindStatusDurationsQuery;
import com.crm.leads.api.query.StatusDurations;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status durations say whether they are whole: not while their processor replays the events and counts the
 * stays again.
 */
class StatusDurationProjectionTest {

    private static final LeadId LEAD = new LeadId("7DF94747AE1C4DA4916DD5012F245DCE");
    private static final StatusReference NEW = new StatusReference("S1", "New", LifeCycleState.PENDING);
    private static final Instant CREATED = Instant.parse("2018-01-22T10:00:00Z");

    private boolean replaying;
    private StatusDurationProjection projection;

    @BeforeEach
    void oneLeadInItsFirstStatus() {
        StreamingEventProcessor processor = (StreamingEventProcessor) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{StreamingEventProcessor.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("isReplaying")) {
                        return replaying;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        EventProcessingConfiguration processing = (EventProcessingConfiguration) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[]{EventProcessingConfiguration.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("eventProcessor")) {
                        return ProcessingGroups.STATUS_DURATIONS.equals(arguments[0]) ? Optional.of(processor)
                                : Optional.empty();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        JdbcTemplate jdbc = ReadModelDatabase.fresh();
        projection = new StatusDurationProjection(jdbc, new LeadViewRepository(jdbc, new FoldedLeads(100)),
                Clock.fixed(CREATED.plusSeconds(60), ZoneOffset.UTC), processing);
        LeadCreated created = new LeadCreated(LEAD, "127", new Reference("T1", "Type"),
                new Reference("P1", "Contact"), new Reference("A1", "Account"), NEW);
        projection.on(created, new GenericDomainEventMessage<>("Lead", LEAD.value(), 0, created,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), CREATED));
    }

    @Test
    void theDurationsAreCompleteWhileTheirProcessorFollowsTheEvents() {
        StatusDurations durations = projection.handle(new FindStatusDurationsQuery(null, EVERY_LEAD)).orElseThrow();

        assertThat(durations.complete()).isTrue();
        assertThat(durations.statuses()).containsExactly(
                new StatusDurations.StatusDuration("S1", "New", LifeCycleState.PENDING, 1, 60));
    }

    @Test
    void aReopenEndsTheStayInTheClosedStatusAndBeginsOneInThePendingStatus() {
        StatusReference won = new StatusReference("S2", "Won", LifeCycleState.WON);
        StatusChanged closed = new StatusChanged(LEAD, NEW, won, null, null);
        projection.on(closed, new GenericDomainEventMessage<>("Lead", LEAD.value(), 1, closed,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), CREATED.plusSeconds(10)));
        LeadReopened reopened = new LeadReopened(LEAD, won, NEW, "came back");
        projection.on(reopened, new GenericDomainEventMessage<>("Lead", LEAD.value(), 2, reopened,
                MetaData.emptyInstance(), UUID.randomUUID().toString(), CREATED.plusSeconds(40)));

        StatusDurations durations = projection.handle(new FindStatusDurationsQuery(null, EVERY_LEAD)).orElseThrow();

        assertThat(durations.statuses()).containsExactlyInAnyOrder(
                new StatusDurations.StatusDuration("S1", "New", LifeCycleState.PENDING, 2, 10 + 20),
                new StatusDurations.StatusDuration("S2", "Won", LifeCycleState.WON, 1, 30));
    }

    @Test
    void theDurationsAreIncompleteWhileTheirProcessorReplaysTheEvents() {
        replaying = true;

        StatusDurations durations = projection.handle(new FindStatusDurationsQuery(null, EVERY_LEAD)).orElseThrow();

        assertThat(durations.complete()).isFalse();
    }
}
