package com.crm.leads.app.config;

import com.crm.leads.app.auth.SignInLimits;
import com.crm.leads.app.auth.Tokens;
import com.crm.leads.app.lead.Idempotency;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

import java.util.List;
import java.util.function.IntPredicate;

/**
 * Deletes what no call can use any more (expired tokens, request ids past their window, sign-in failures that
 * count no longer), so these tables do not grow without bound. Every instance runs it: a delete of rows another
 * instance deletes at the same moment deletes nothing twice, so nothing has to pick one instance. Rows go in
 * batches, each its own statement, so a purge of a large backlog holds no lock for long.
 */
@Configuration
@EnableScheduling
class Purges {

    private static final Logger log = LoggerFactory.getLogger(Purges.class);

    private static final int BATCH = 1000;

    private final List<IntPredicate> tables;

    Purges(Tokens tokens, Idempotency idempotency, SignInLimits signIns) {
        this.tables = List.of(tokens::purge, idempotency::purge, signIns::purge);
    }

    @Scheduled(initialDelayString = "${leads.purge-interval}", fixedDelayString = "${leads.purge-interval}")
    void purge() {
        try {
            for (IntPredicate table : tables) {
                boolean mayHaveMore = true;
                while (mayHaveMore) {
                    mayHaveMore = table.test(BATCH);
                }
            }
        } catch (RuntimeException e) {
            // the next round tries again; a purge that cannot reach the database is no reason to stop the service
            log.warn("The purge of expired tokens, request ids and sign-in failures failed; it runs again in "
                    + "leads.purge-interval", e);
        }
    }
}
