package com.crm.leads.query;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.query.ChangeFilter;
import com.crm.leads.api.query.FeedPosition;
import com.crm.leads.api.query.LeadChange;
import com.crm.leads.api.query.LeadChangeStreams;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The open streams of this instance, fed by one thread that reads the event store after each commit of this
 * instance and every poll interval: once for each position some streams stand at (streams that keep up all stand
 * at the same one), however many streams there are. What any instance commits is read from the store, so it
 * reaches every instance's streams. The thread only hands each stream what it takes; a stream whose client falls
 * behind says so and is ended, and nothing waits for it.
 */
@Component
class ChangeStreamHub implements LeadChangeStreams, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ChangeStreamHub.class);

    /** Events one round reads for a position at most: a stream far behind catches up over several rounds. */
    private static final long LOOKED_AT_PER_ROUND = 1_000;

    private final LeadChanges changes;
    private final Set<OpenStream> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService reader = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "change-feed-reader");
        thread.setDaemon(true);
        return thread;
    });

    /** Whether a round is asked for and has not started yet: any number of commits meanwhile ask for one. */
    private final AtomicBoolean roundAsked = new AtomicBoolean();

    /**
     * What this instance commits wakes the reader at once; the poll interval bounds how late it learns of what other
     * instances commit.
     */
    ChangeStreamHub(LeadChanges changes, FoldedLeads committed,
                    @Value("${leads.change-feed.poll-interval:250ms}") Duration pollInterval) {
        this.changes = changes;
        reader.scheduleWithFixedDelay(this::round, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        committed.whenCommitted(this::askForRound);
    }

    private void askForRound() {
        if (!open.isEmpty() && roundAsked.compareAndSet(false, true)) {
            try {
                reader.execute(this::round);
            } catch (RejectedExecutionException shuttingDown) {
                roundAsked.set(false);
            }
        }
    }

    @Override
    public Optional<Stream> open(FeedPosition after, ChangeFilter filter, LeadAccess access, Listener listener) {
        return changes.wanted(filter, access).map(wanted -> {
            OpenStream stream = new OpenStream(after == null ? changes.now() : after, wanted, listener);
            open.add(stream);
            return stream;
        });
    }

    @Override
    public int openStreams() {
        return open.size();
    }

    private void round() {
        roundAsked.set(false);
        try {
            Map<FeedPosition, List<OpenStream>> byPosition = open.stream()
                    .collect(Collectors.groupingBy(stream -> stream.position));
            byPosition.forEach((position, streams) -> {
                LeadChanges.Read read = changes.read(position, candidate -> true, Integer.MAX_VALUE,
                        LOOKED_AT_PER_ROUND);
                for (OpenStream stream : streams) {
                    stream.hand(read);
                }
            });
        } catch (RuntimeException e) {
            // the store may be out of reach for a while: the streams wait where they are, and the next round retries
            log.warn("The change feed could not read the event store: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
        open.clear();
    }

    private final class OpenStream implements Stream {

        private final Predicate<LeadChanges.Candidate> wanted;
        private final Listener listener;
        /** Written by the reading thread only, after the stream is open. */
        private volatile FeedPosition position;

        OpenStream(FeedPosition start, Predicate<LeadChanges.Candidate> wanted, Listener listener) {
            this.wanted = wanted;
            this.listener = listener;
            this.position = start;
        }

        void hand(LeadChanges.Read read) {
            List<LeadChange> taken = read.taken().stream().filter(wanted).map(LeadChanges.Candidate::change)
                    .toList();
            position = read.next();
            if (!listener.take(taken, read.next())) {
                close();
            }
        }

        @Override
        public void close() {
            open.remove(this);
        }
    }
}
