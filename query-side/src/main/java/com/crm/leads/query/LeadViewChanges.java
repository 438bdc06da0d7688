package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Leads folded in memory and written once, with their history: the events of one command (a create brings a
 * dozen), or a stretch of a rebuild, cost one read and one write per lead instead of one of each per event.
 */
final class LeadViewChanges {

    private final LeadViewRepository target;
    private final HistoryChanges history;
    private final Map<LeadId, Pending> pending = new LinkedHashMap<>();

    /** A lead's state after the events so far, and whether the read model holds it already. */
    private record Pending(LeadState lead, boolean stored) {
    }

    LeadViewChanges(LeadViewRepository target, HistoryChanges history) {
        this.target = target;
        this.history = history;
    }

    /**
     * Folds one event into its lead, read from the read model the first time it is met, and adds its history
     * entries.
     */
    void apply(DomainEventMessage<LeadEvent> message) {
        LeadEvent event = message.getPayload();
        Pending before = pending.get(event.leadId());
        Pending after;
        if (event instanceof LeadCreated) {
            after = new Pending(LeadState.start(message), false);
        } else {
            if (before == null) {
                before = new Pending(target.find(event.leadId()).orElseThrow(() -> new IllegalStateException("event "
                        + message.getSequenceNumber() + " of lead " + event.leadId() + " has no lead to apply to")),
                        true);
            }
            after = new Pending(before.lead().apply(message), before.stored());
        }
        pending.put(event.leadId(), after);
        history.apply(message, after.lead());
    }

    /** How many leads wait to be written. */
    int size() {
        return pending.size();
    }

    /** How many history entries wait to be written. */
    int entries() {
        return history.size();
    }

    /**
     * Writes every changed lead, in two batched statements, then their history.
     *
     * @return the leads as written
     */
    List<LeadState> write() {
        List<LeadState> created = pending.values().stream().filter(lead -> !lead.stored()).map(Pending::lead).toList();
        List<LeadState> changed = pending.values().stream().filter(Pending::stored).map(Pending::lead).toList();
        target.insert(created);
        target.update(changed);
        history.write();
        List<LeadState> written = pending.values().stream().map(Pending::lead).toList();
        pending.clear();
        return written;
    }
}
