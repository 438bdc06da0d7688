package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps the history tables in step with the events: makes the {@link HistoryChanges} that the lead-view
 * projection and a rebuild write through, and, before the service takes calls, refills the history of every lead
 * it is behind on (a store kept by a version of the service from before the history was kept). Each lead is
 * refilled in a transaction of its own holding its read-model row, so instances starting together on one database
 * never refill a lead twice, and a call on a lead waits for its refill.
 */
@Component
class HistoryWriter implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(HistoryWriter.class);
    /** Leads switched over in one transaction: bounds how long a call on one of them waits. */
    private static final int LEADS_PER_SWITCH = 500;

    private final LeadHistoryRepository live;
    private final LeadViewRepository leads;
    private final LeadEvents events;
    private final TransactionTemplate transactions;
    private final int checkpointInterval;

    /** @param checkpointInterval a lead's state is kept after every this many of its events */
    HistoryWriter(LeadHistoryRepository live, LeadViewRepository leads, LeadEvents events,
                  PlatformTransactionManager transactionManager,
                  @Value("${leads.checkpoint-interval:100}") int checkpointInterval) {
        if (checkpointInterval < 1) {
            throw new IllegalArgumentException("leads.checkpoint-interval must be at least 1: " + checkpointInterval);
        }
        this.live = live;
        this.leads = leads;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.checkpointInterval = checkpointInterval;
    }

    /** Changes to the live history. */
    HistoryChanges changes() {
        return changes(live, leads);
    }

    /** Changes to the history in {@code target}, which goes with the read model {@code targetLeads}. */
    HistoryChanges changes(LeadHistoryRepository target, LeadViewRepository targetLeads) {
        return new HistoryChanges(target, targetLeads, events, checkpointInterval);
    }

    @Override
    public void afterSingletonsInstantiated() {
        catchUp();
    }

    /**
     * Refills the history of each lead it has not reached the read model's version of.
     *
     * @return how many leads were refilled
     */
    int catchUp() {
        List<LeadId> behind = live.behind(leads);
        if (behind.isEmpty()) {
            return 0;
        }
        log.info("Filling in the history of {} leads from their events", behind.size());
        int refilled = 0;
        for (LeadId leadId : behind) {
            if (Boolean.TRUE.equals(transactions.execute(status -> refillIfBehind(leadId)))) {
                refilled++;
            }
        }
        log.info("Filled in the history of {} leads", refilled);
        return refilled;
    }

    /**
     * Puts a rebuilt history in place of the live one, a batch of leads at a time, each batch in a transaction
     * holding its leads' read-model rows: a lead still at the version its rebuilt history reached takes that
     * history as it is; one that a call changed meanwhile is refilled from its events.
     *
     * @return how many leads were refilled
     */
    int switchTo(LeadHistoryRepository rebuilt) {
        int refilled = 0;
        List<LeadId> batch = rebuilt.leadsAfter(null, LEADS_PER_SWITCH);
        while (!batch.isEmpty()) {
            List<LeadId> leadIds = batch;
            refilled += transactions.execute(status -> {
                Map<LeadId, Long> versions = leads.lock(leadIds);
                Map<LeadId, Long> reached = rebuilt.lastSequences(leadIds);
                List<LeadId> asRebuilt = leadIds.stream()
                        .filter(leadId -> Objects.equals(versions.get(leadId), reached.get(leadId))).toList();
                live.replace(asRebuilt, rebuilt);
                HistoryChanges changes = changes();
                versions.forEach((leadId, version) -> {
                    if (!asRebuilt.contains(leadId)) {
                        changes.refill(leadId, version + 1);
                    }
                });
                changes.write();
                return versions.size() - asRebuilt.size();
            });
            batch = rebuilt.leadsAfter(leadIds.get(leadIds.size() - 1), LEADS_PER_SWITCH);
        }
        return refilled;
    }

    /**
     * Refills the live history of a lead, holding its read-model row, if it is still behind its version.
     *
     * @return whether it was behind
     */
    private boolean refillIfBehind(LeadId leadId) {
        Long version = leads.lock(List.of(leadId)).get(leadId);
        if (version == null || live.tail(leadId, version).isPresent()) {
            return false;
        }
        HistoryChanges changes = changes();
        changes.refill(leadId, version + 1);
        changes.write();
        return true;
    }
}
