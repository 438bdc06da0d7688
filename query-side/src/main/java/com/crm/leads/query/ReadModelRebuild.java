package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.event.LeadEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Rebuilds the lead read model and the leads' history from the event store while the service keeps answering:
 * every event, in the order it was stored, is folded into tables beside the live ones; then each live lead is
 * replaced by its rebuilt self, unless a newer event reached it meanwhile, in which case that lead is folded again
 * from its own events. The leads that nothing touched meanwhile, nearly all of them, switch over in two statements;
 * their histories in a few statements per batch of leads ({@link HistoryWriter#switchTo}).
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int PROGRESS_EVERY = 100_000;
    /** Leads folded in memory before they are written: bounds the memory a rebuild takes. */
    private static final int LEADS_PER_WRITE = 1_000;
    /** History entries collected in memory before they are written, for the same reason. */
    private static final int ENTRIES_PER_WRITE = 20_000;
    private static final int MAX_SWITCH_ATTEMPTS = 100;
    private static final int EVENTS_PER_HAND_OVER = 1_000;
    private static final int HAND_OVERS_WAITING = 8;
    /** Says the reader has handed over every event (an empty list of its own, compared by identity). */
    private static final List<DomainEventMessage<LeadEvent>> END = new ArrayList<>();

    private final EventStorageEngine storage;
    private final LeadViewRepository live;
    private final LeadViewRebuildTable beside;
    private final LeadEvents events;
    private final HistoryWriter history;
    private final LeadHistoryRepository historyBeside;

    ReadModelRebuild(EventStorageEngine storage, LeadViewRepository live, JdbcTemplate jdbc, LeadEvents events,
                     HistoryWriter history, LeadHistoryRepository liveHistory) {
        this.storage = storage;
        this.live = live;
        this.beside = new LeadViewRebuildTable(jdbc, live);
        this.events = events;
        this.history = history;
        this.historyBeside = liveHistory.beside();
    }

    /** What a rebuild did. */
    public record Report(long events, int leads, int replaced, int refolded) {
    }

    /** Rebuilds; one at a time (a second caller waits for the first). */
    public synchronized Report rebuild() {
        beside.clear();
        historyBeside.clear();
        long folded = 0;
        log.info("Rebuilding the lead read model from the event store");
        LeadViewChanges changes = new LeadViewChanges(beside.leads(), history.changes(historyBeside, beside.leads()));
        BlockingQueue<List<DomainEventMessage<LeadEvent>>> handOver = new ArrayBlockingQueue<>(HAND_OVERS_WAITING);
        AtomicReference<RuntimeException> readFailure = new AtomicReference<>();
        Thread reader = new Thread(() -> read(handOver, readFailure), "lead-view-rebuild-reader");
        reader.start();
        try {
            for (List<DomainEventMessage<LeadEvent>> events = handOver.take(); events != END;
                 events = handOver.take()) {
                for (DomainEventMessage<LeadEvent> event : events) {
                    changes.apply(event);
                    if (changes.size() >= LEADS_PER_WRITE || changes.entries() >= ENTRIES_PER_WRITE) {
                        changes.write();
                    }
                    if (++folded % PROGRESS_EVERY == 0) {
                        log.info("Rebuilding the lead read model: {} events folded", folded);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the rebuild was interrupted; the live read model is untouched", e);
        } finally {
            reader.interrupt();
        }
        if (readFailure.get() != null) {
            throw readFailure.get();
        }
        changes.write();
        int leads = beside.count();
        log.info("Rebuilding the lead read model: {} events folded into {} leads; switching", folded, leads);
        int replaced = beside.replaceLiveAtSameVersion();
        try {
            replaced += beside.insertMissingIntoLive();
        } catch (DuplicateKeyException createdMeanwhile) {
            log.info("A lead was created while the rebuild switched over; the missing leads are switched one by one");
        }
        int refolded = 0;
        for (LeadId leadId : beside.differingFromLive()) {
            if (switchOver(leadId, beside.leads().find(leadId).orElseThrow())) {
                replaced++;
            } else {
                refolded++;
            }
        }
        beside.clear();
        int historiesRefilled = history.switchTo(historyBeside);
        historyBeside.clear();
        log.info("Rebuilt the lead read model: {} leads replaced, {} folded again for events during the rebuild;"
                + " {} histories filled in again for the same reason", replaced, refolded, historiesRefilled);
        return new Report(folded, leads, replaced, refolded);
    }

    /**
     * Reads the stored events on a thread of its own and hands them over in batches, so reading and deserializing
     * them runs beside the folding and writing. It reads straight from storage, up to the last event stored now,
     * rather than through a stream that waits for more: events stored meanwhile reach the live read model, and the
     * switch-over takes them in.
     */
    private void read(BlockingQueue<List<DomainEventMessage<LeadEvent>>> handOver,
                      AtomicReference<RuntimeException> failure) {
        try {
            try (Stream<? extends TrackedEventMessage<?>> stored = storage.readEvents(null, false)) {
                List<DomainEventMessage<LeadEvent>> events = new ArrayList<>(EVENTS_PER_HAND_OVER);
                Iterator<? extends TrackedEventMessage<?>> messages = stored.iterator();
                while (messages.hasNext()) {
                    if (messages.next() instanceof DomainEventMessage<?> domain
                            && domain.getPayload() instanceof LeadEvent) {
                        // read lazily: deserialized and parsed here, not on the folding thread
                        domain.getMetaData();
                        domain.getTimestamp();
                        @SuppressWarnings("unchecked")
                        DomainEventMessage<LeadEvent> event = (DomainEventMessage<LeadEvent>) domain;
                        events.add(event);
                        if (events.size() == EVENTS_PER_HAND_OVER) {
                            handOver.put(events);
                            events = new ArrayList<>(EVENTS_PER_HAND_OVER);
                        }
                    }
                }
                handOver.put(events);
            } catch (RuntimeException e) {
                failure.set(e);
            }
            handOver.put(END);
        } catch (InterruptedException folderGaveUp) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Puts the rebuilt lead in place of the live one. The rebuilt one serves as it is when the live one is at its
     * version; otherwise (an event came meanwhile, or the live row is damaged) the lead is folded again from its
     * events. The replacement only happens if the live row is still as it was read, so a change that lands
     * meanwhile is never overwritten: the lead is then read and folded once more.
     *
     * @return true when the rebuilt lead served as it was, false when the lead had to be folded again
     */
    private boolean switchOver(LeadId leadId, LeadState rebuilt) {
        boolean asRebuilt = true;
        for (int attempt = 0; attempt < MAX_SWITCH_ATTEMPTS; attempt++) {
            Optional<Long> current = live.storedVersion(leadId);
            if (current.isPresent() && current.get() != rebuilt.version()) {
                asRebuilt = false;
            }
            LeadState replacement = asRebuilt ? rebuilt : foldAgain(leadId);
            if (current.isEmpty()) {
                live.insert(replacement);
                return asRebuilt;
            }
            if (live.replace(replacement, current.get())) {
                return asRebuilt;
            }
            asRebuilt = false;
        }
        throw new IllegalStateException("lead " + leadId + " changed " + MAX_SWITCH_ATTEMPTS
                + " times while the rebuild switched it over; run the rebuild again when it is quieter");
    }

    private LeadState foldAgain(LeadId leadId) {
        LeadState state = null;
        List<DomainEventMessage<LeadEvent>> history = events.of(leadId);
        for (DomainEventMessage<LeadEvent> event : history) {
            state = state == null ? LeadState.start(event) : state.apply(event);
        }
        return state;
    }
}
