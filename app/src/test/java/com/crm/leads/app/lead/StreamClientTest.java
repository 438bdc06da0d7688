package com.crm.leads.app.lead;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.query.FeedPosition;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.LeadChange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stream's client that reads nothing (its connection takes no more bytes) holds up neither the feed's reading
 * thread nor anyone else: what it is handed waits in its own queue, and when that is full its stream ends.
 */
class StreamClientTest {

    private static final int BUFFER = 3;

    /** An emitter whose client reads nothing: every write waits until the test lets it go. */
    private static final class StalledEmitter extends SseEmitter {

        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger written = new AtomicInteger();

        @Override
        public void send(SseEventBuilder event) throws IOException {
            try {
                released.await();
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            written.incrementAndGet();
        }
    }

    @Test
    @Timeout(10)
    void aClientThatReadsNothingIsDroppedOnceItFallsAWholeBufferBehindAndTheFeedNeverWaitsForIt() {
        StalledEmitter emitter = new StalledEmitter();
        ExecutorService sending = Executors.newCachedThreadPool();
        AtomicBoolean streamEnded = new AtomicBoolean();
        StreamClient client = new StreamClient(emitter, BUFFER, Duration.ofHours(1), sending);
        client.reads(() -> streamEnded.set(true));

        int handed = 0;
        boolean taken = true;
        while (taken && handed < 10) {
            taken = client.take(List.of(change(handed)), position(handed));
            handed++;
        }

        assertThat(taken).as("the client falls behind and its stream ends").isFalse();
        assertThat(streamEnded).isTrue();
        assertThat(handed).as("the queue held a buffer's worth, and one was being written").isLessThanOrEqualTo(
                BUFFER + 2);
        assertThat(emitter.written).as("every take returned while the client read nothing").hasValue(0);
        assertThat(client.take(List.of(change(handed)), position(handed))).isFalse();
        emitter.released.countDown();
        sending.shutdown();
    }

    private static FeedPosition position(long index) {
        return new FeedPosition(index, new TreeSet<>());
    }

    private static LeadChange change(long index) {
        return new LeadChange(position(index), new LeadId("4DF94747AE1C4DA4916DD5012F245DCE"), "127", index,
                HistoryEntry.Event.FIELD_CHANGED, "event " + index, List.of(), null, null, Instant.now(),
                "request " + index, null);
    }
}
