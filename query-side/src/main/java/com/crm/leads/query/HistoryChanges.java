package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history entries and checkpoints that events add, collected in memory and written together, beside the
 * leads of {@link LeadViewChanges}. A lead whose stored history is behind its events (a store kept before the
 * history was) has it refilled from its events first, while its read-model row is locked.
 */
final class HistoryChanges {

    private final LeadHistoryRepository target;
    private final LeadViewRepository leads;
    private final LeadEvents events;
    private final int checkpointInterval;
    private final Map<LeadId, LeadHistoryRepository.Tail> tails = new HashMap<>();
    private final Set<LeadId> refilled = new LinkedHashSet<>();
    private final List<LeadHistoryRepository.Row> rows = new ArrayList<>();
    private final List<LeadHistoryRepository.Checkpoint> checkpoints = new ArrayList<>();

    /**
     * @param leads              the read model {@code target} goes with, whose rows stand for their leads' locks
     * @param checkpointInterval a checkpoint is kept after every this many events of a lead
     */
    HistoryChanges(LeadHistoryRepository target, LeadViewRepository leads, LeadEvents events,
                   int checkpointInterval) {
        this.target = target;
        this.leads = leads;
        this.events = events;
        this.checkpointInterval = checkpointInterval;
    }

    /** The version a revert's event names; null for any other event. */
    static Long revertedTo(DomainEventMessage<LeadEvent> message) {
        return message.getMetaData().get(LeadMetadata.REVERTED_TO) instanceof Number version ? version.longValue()
                : null;
    }

    /** Adds the entries of {@code message}, and its checkpoint if it is due; {@code after} is the lead after it. */
    void apply(DomainEventMessage<LeadEvent> message, LeadState after) {
        LeadId leadId = after.leadId();
        LeadHistoryRepository.Tail tail = tails.get(leadId);
        if (tail == null) {
            tail = message.getPayload() instanceof LeadCreated ? LeadHistoryRepository.Tail.NONE
                    : storedTail(leadId, message.getSequenceNumber());
        }
        long ordinal = tail.lastOrdinal();
        Instant reached = message.getTimestamp().isAfter(tail.reachedDate()) ? message.getTimestamp()
                : tail.reachedDate();
        String event = LeadHistory.event(message.getPayload()).name();
        for (LeadHistory.Change change : LeadHistory.changes(message.getPayload())) {
            rows.add(new LeadHistoryRepository.Row(leadId, ++ordinal, message.getSequenceNumber(), event,
                    change.changed().key(), (String) message.getMetaData().get(LeadMetadata.USER_ID),
                    (String) message.getMetaData().get(LeadMetadata.UNIT_ID), message.getTimestamp(),
                    (String) message.getMetaData().get(LeadMetadata.REQUEST_ID), change.oldValue(),
                    change.newValue(), reached, revertedTo(message)));
        }
        if ((message.getSequenceNumber() + 1) % checkpointInterval == 0) {
            checkpoints.add(new LeadHistoryRepository.Checkpoint(after, reached));
        }
        tails.put(leadId, new LeadHistoryRepository.Tail(ordinal, message.getSequenceNumber(), reached));
    }

    /**
     * Replaces what is stored of a lead's history with what its events before {@code end} give. The caller holds
     * the lead's lock.
     */
    void refill(LeadId leadId, long end) {
        refilled.add(leadId);
        tails.put(leadId, LeadHistoryRepository.Tail.NONE);
        LeadState state = null;
        Iterator<DomainEventMessage<LeadEvent>> stored = events.from(leadId, 0).iterator();
        while (stored.hasNext()) {
            DomainEventMessage<LeadEvent> event = stored.next();
            if (event.getSequenceNumber() >= end) {
                break;
            }
            state = state == null ? LeadState.start(event) : state.apply(event);
            apply(event, state);
        }
    }

    /** Writes what was collected: the refilled leads' old history goes first. */
    void write() {
        target.delete(refilled);
        target.insert(rows, checkpoints);
        refilled.clear();
        rows.clear();
        checkpoints.clear();
        tails.clear();
    }

    /** How many entries wait to be written. */
    int size() {
        return rows.size();
    }

    /** Where the lead's stored history ends, once it has every event before {@code next}. */
    private LeadHistoryRepository.Tail storedTail(LeadId leadId, long next) {
        LeadHistoryRepository.Tail stored = target.tail(leadId, next - 1).orElse(LeadHistoryRepository.Tail.NONE);
        if (stored.lastSequence() == next - 1) {
            return stored;
        }
        leads.lock(List.of(leadId));
        // another transaction may have refilled it while this one waited for the lock
        stored = target.tail(leadId, next - 1).orElse(LeadHistoryRepository.Tail.NONE);
        if (stored.lastSequence() == next - 1) {
            return stored;
        }
        refill(leadId, next);
        return tails.get(leadId);
    }
}
