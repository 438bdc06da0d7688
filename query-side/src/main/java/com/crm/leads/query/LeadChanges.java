package com.crm.leads.query;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.Reference;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.query.ChangeFilter;
import com.crm.leads.api.query.ChangePage;
import com.crm.leads.api.query.FeedPosition;
import com.crm.leads.api.query.FindLeadChangesQuery;
import com.crm.leads.api.query.LeadChange;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The change feed: the events of all leads in the store's order, read straight from the event store by the
 * position a reader keeps. A position is the tracking token Axon's own processors keep (the index and the gaps
 * below it), so an event a slower transaction commits after later ones is read when it lands, as it is by them.
 * A read looks at a bounded number of events whatever its filter matches, and names each event's lead and judges
 * who may see it by the read model's row, read once for a batch of events.
 */
@Component
class LeadChanges {

    /** How many events a page looks at, at most, for each change it may answer: a filter matching none stays cheap. */
    private static final int LOOKED_AT_PER_CHANGE = 10;
    private static final int BATCH = 100;

    private final EventStorageEngine store;
    private final LeadViewRepository leads;
    private final LeadRenderer renderer;

    LeadChanges(EventStorageEngine store, LeadViewRepository leads, LeadRenderer renderer) {
        this.store = store;
        this.leads = leads;
        this.renderer = renderer;
    }

    /** A change, and the privacy level its lead is at now (null: none), by which a reader may see it or not. */
    record Candidate(LeadChange change, String privacyLevelId) {
    }

    /** What a read took, and the position past every event it looked at. */
    record Read(List<Candidate> taken, FeedPosition next) {
    }

    @QueryHandler
    Optional<ChangePage> handle(FindLeadChangesQuery query) {
        return wanted(query.filter(), query.access()).map(wanted -> {
            Read read = read(query.after() == null ? now() : query.after(), wanted, query.limit(),
                    (long) query.limit() * LOOKED_AT_PER_CHANGE);
            return new ChangePage(read.taken().stream().map(Candidate::change).toList(), read.next());
        });
    }

    /** Where the feed stands now: past the last event committed. */
    FeedPosition now() {
        return position(store.createHeadToken());
    }

    /**
     * What a reader with {@code filter} and {@code access} is given; empty when the filter names a lead that does not
     * exist for it.
     */
    Optional<Predicate<Candidate>> wanted(ChangeFilter filter, LeadAccess access) {
        Optional<LeadId> onlyLead = Optional.empty();
        if (filter.lead() != null) {
            Optional<LeadState> lead = leads.find(filter.lead(), access);
            if (lead.isEmpty()) {
                return Optional.empty();
            }
            onlyLead = lead.map(LeadState::leadId);
        }
        LeadId only = onlyLead.orElse(null);
        return Optional.of(candidate -> {
            LeadChange change = candidate.change();
            return access.opens(candidate.privacyLevelId() == null ? null
                    : new Reference(candidate.privacyLevelId(), null))
                    && (only == null || only.equals(change.leadId()))
                    && (filter.events() == null || filter.events().contains(change.event()))
                    && (filter.changed() == null || change.entries().stream()
                    .anyMatch(entry -> filter.changed().contains(entry.changed())));
        });
    }

    /**
     * The changes after {@code after} that {@code wanted} takes, up to {@code limit} of them, looking at no more than
     * {@code lookedAtMost} events; either bound is passed only to finish the call whose events it reached.
     */
    Read read(FeedPosition after, Predicate<Candidate> wanted, int limit, long lookedAtMost) {
        List<Candidate> taken = new ArrayList<>();
        FeedPosition next = after;
        long lookedAt = 0;
        TrackedEventMessage<?> last = null;
        try (Stream<? extends TrackedEventMessage<?>> events = store.readEvents(token(after), false)) {
            Iterator<? extends TrackedEventMessage<?>> read = events.iterator();
            while (read.hasNext()) {
                List<TrackedEventMessage<?>> batch = new ArrayList<>(BATCH);
                while (batch.size() < BATCH && read.hasNext()) {
                    batch.add(read.next());
                }
                Map<LeadId, LeadViewRepository.Seen> seen = leads.seen(batch.stream().map(LeadChanges::leadOf)
                        .collect(Collectors.toSet()));
                for (TrackedEventMessage<?> event : batch) {
                    if ((taken.size() >= limit || lookedAt >= lookedAtMost) && !sameCall(last, event)) {
                        return new Read(taken, next);
                    }
                    lookedAt++;
                    last = event;
                    next = position(event.trackingToken());
                    candidate(event, next, seen.get(leadOf(event))).filter(wanted).ifPresent(taken::add);
                }
            }
        }
        return new Read(taken, next);
    }

    /** The change an event is; none when its lead is not in the read model (it was purged). */
    @SuppressWarnings("unchecked")
    private Optional<Candidate> candidate(TrackedEventMessage<?> message, FeedPosition position,
                                          LeadViewRepository.Seen lead) {
        if (lead == null) {
            return Optional.empty();
        }
        DomainEventMessage<LeadEvent> event = (DomainEventMessage<LeadEvent>) message;
        LeadEvent payload = event.getPayload();
        return Optional.of(new Candidate(new LeadChange(position, leadOf(message), lead.number(),
                event.getSequenceNumber(), LeadHistory.event(payload), event.getIdentifier(),
                LeadHistory.changes(payload).stream()
                        .map(change -> new LeadChange.Entry(change.changed(), change.oldValue(), change.newValue()))
                        .toList(),
                renderer.user((String) event.getMetaData().get(LeadMetadata.USER_ID)),
                renderer.unit((String) event.getMetaData().get(LeadMetadata.UNIT_ID)), event.getTimestamp(),
                (String) event.getMetaData().get(LeadMetadata.REQUEST_ID), HistoryChanges.revertedTo(event)),
                lead.privacyLevelId()));
    }

    /** Whether two events were made by one call: one lead's, in one request. */
    private static boolean sameCall(TrackedEventMessage<?> earlier, TrackedEventMessage<?> later) {
        Object request = earlier == null ? null : earlier.getMetaData().get(LeadMetadata.REQUEST_ID);
        return request != null && leadOf(earlier).equals(leadOf(later))
                && request.equals(later.getMetaData().get(LeadMetadata.REQUEST_ID));
    }

    private static LeadId leadOf(TrackedEventMessage<?> event) {
        return new LeadId(((DomainEventMessage<?>) event).getAggregateIdentifier());
    }

    private static TrackingToken token(FeedPosition position) {
        return GapAwareTrackingToken.newInstance(position.index(), position.gaps());
    }

    private static FeedPosition position(TrackingToken token) {
        if (token == null) {
            return FeedPosition.EARLIEST;
        }
        if (token instanceof GapAwareTrackingToken tracked) {
            return new FeedPosition(tracked.getIndex(), tracked.getGaps());
        }
        throw new IllegalStateException("the event store keeps positions as " + token.getClass().getSimpleName());
    }
}
