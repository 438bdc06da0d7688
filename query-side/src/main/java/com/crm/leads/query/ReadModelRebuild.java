package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.event.LeadEvent;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rebuilds the lead read model from the event store while the service keeps answering: every event, in the order
 * it was stored, is folded into a table beside the live one; then each live lead is replaced by its rebuilt self,
 * unless a newer event reached it meanwhile, in which case that lead is folded again from its own events.
 */
@Component
public class ReadModelRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);
    private static final int PROGRESS_EVERY = 100_000;
    /** Leads folded in memory before they are written: bounds the memory a rebuild takes. */
    private static final int LEADS_PER_WRITE = 1_000;
    private static final int MAX_SWITCH_ATTEMPTS = 100;

    private final EventStorageEngine storage;
    private final LeadViewRepository live;
    private final LeadViewRepository beside;
    private final LeadEvents events;

    ReadModelRebuild(EventStorageEngine storage, LeadViewRepository live, JdbcTemplate jdbc, LeadEvents events) {
        this.storage = storage;
        this.live = live;
        this.beside = new LeadViewRepository(jdbc, "lead_view_rebuild");
        this.events = events;
    }

    /** What a rebuild did. */
    public record Report(long events, int leads, int replaced, int refolded) {
    }

    /** Rebuilds; one at a time (a second caller waits for the first). */
    public synchronized Report rebuild() {
        beside.clear();
        long folded = 0;
        log.info("Rebuilding the lead read model from the event store");
        LeadViewChanges changes = new LeadViewChanges(beside);
        // read straight from storage, up to the last event stored now, rather than through a stream that waits
        // for more: events stored meanwhile reach the live read model, and the switch-over below takes them in
        try (Stream<? extends TrackedEventMessage<?>> stored = storage.readEvents(null, false)) {
            Iterator<? extends TrackedEventMessage<?>> messages = stored.iterator();
            while (messages.hasNext()) {
                if (messages.next() instanceof DomainEventMessage<?> domain
                        && domain.getPayload() instanceof LeadEvent) {
                    @SuppressWarnings("unchecked")
                    DomainEventMessage<LeadEvent> event = (DomainEventMessage<LeadEvent>) domain;
                    changes.apply(event);
                    if (changes.size() >= LEADS_PER_WRITE) {
                        changes.write();
                    }
                    if (++folded % PROGRESS_EVERY == 0) {
                        log.info("Rebuilding the lead read model: {} events folded", folded);
                    }
                }
            }
        }
        changes.write();
        Map<String, Long> rebuilt = beside.versions();
        log.info("Rebuilding the lead read model: {} events folded into {} leads; switching", folded, rebuilt.size());
        int replaced = 0;
        int refolded = 0;
        for (String lead : rebuilt.keySet()) {
            LeadId leadId = new LeadId(lead);
            if (switchOver(leadId, beside.find(leadId).orElseThrow())) {
                replaced++;
            } else {
                refolded++;
            }
        }
        beside.clear();
        log.info("Rebuilt the lead read model: {} leads replaced, {} folded again for events during the rebuild",
                replaced, refolded);
        return new Report(folded, rebuilt.size(), replaced, refolded);
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
            state = LeadFold.apply(state, event);
        }
        return state;
    }
}
