package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * Leads as the projection folded them in transactions that committed, each under its id and version. A version
 * names one state for good (a lead's events never change), so a state kept here is never stale, on one instance
 * or several: what the read model holds at that version, without reading and parsing its document. Whoever asks
 * for a lead at the version the read model says it is at, or at the version a call just brought it to, gets it
 * from here when it is still kept.
 */
@Component
class FoldedLeads {

    /** The states kept of each lead, its latest ones: enough for the answers of calls that overlap on it. */
    private static final int STATES_PER_LEAD = 16;

    /** Each lead's latest states, newest first. Leads, not states, are the entries: a lead in use stays. */
    private final Cache<LeadId, List<LeadState>> leads;
    private final List<Runnable> whenCommitted = new CopyOnWriteArrayList<>();

    FoldedLeads(@Value("${leads.folded-leads:1000}") long size) {
        leads = Caffeine.newBuilder().maximumSize(size).build();
    }

    Optional<LeadState> at(LeadId leadId, long version) {
        List<LeadState> kept = leads.getIfPresent(leadId);
        return kept == null ? Optional.empty()
                : kept.stream().filter(lead -> lead.version() == version).findFirst();
    }

    /** Called once the transaction that folded {@code states} has committed: before, they may yet be undone. */
    void committed(Collection<LeadState> states) {
        states.forEach(state -> leads.asMap().merge(state.leadId(), List.of(state), (kept, added) ->
                Stream.concat(kept.stream(), added.stream())
                        .sorted(Comparator.comparingLong(LeadState::version).reversed())
                        .limit(STATES_PER_LEAD).toList()));
        whenCommitted.forEach(Runnable::run);
    }

    /** {@code listener} runs, on the committing thread, after every commit on this instance that changed a lead. */
    void whenCommitted(Runnable listener) {
        whenCommitted.add(listener);
    }
}
