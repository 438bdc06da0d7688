package com.crm.leads.app.lead;

import com.crm.leads.api.query.FeedPosition;
import com.crm.leads.api.query.LeadChange;
import com.crm.leads.api.query.LeadChangeStreams;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The client of one open stream. What the feed hands it waits in a bounded queue, and is written out by a sending
 * thread, so a client that reads slowly holds up no one: when it falls a whole queue behind, its stream ends, and it
 * resumes from the last position it got. A quiet stream writes a heartbeat with its position now and then, so a
 * client whose filter matches nothing still moves forward (and a client that went away is noticed).
 */
final class StreamClient implements LeadChangeStreams.Listener {

    private final SseEmitter emitter;
    private final BlockingQueue<SseEmitter.SseEventBuilder> queue;
    private final Executor sending;
    private final long heartbeatNanos;
    private final AtomicBoolean sendingNow = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile long lastQueued;
    private volatile LeadChangeStreams.Stream stream;

    StreamClient(SseEmitter emitter, int buffer, Duration heartbeat, Executor sending) {
        this.emitter = emitter;
        this.queue = new ArrayBlockingQueue<>(buffer);
        this.sending = sending;
        this.heartbeatNanos = heartbeat.toNanos();
        // the first round writes a heartbeat at once: the client learns where its stream starts
        this.lastQueued = System.nanoTime() - heartbeatNanos;
        emitter.onCompletion(() -> stopReading());
        emitter.onTimeout(() -> stopReading());
        emitter.onError(error -> stopReading());
    }

    /** The stream this client reads, ended with it. */
    void reads(LeadChangeStreams.Stream stream) {
        this.stream = stream;
        if (ended.get()) {
            stream.close();
        }
    }

    @Override
    public boolean take(List<LeadChange> changes, FeedPosition position) {
        if (ended.get()) {
            return false;
        }
        for (LeadChange change : changes) {
            if (!queue.offer(SseEmitter.event().id(FeedPositions.write(change.position()))
                    .data(ChangeFeedController.Change.of(change), MediaType.APPLICATION_JSON))) {
                return fellBehind();
            }
        }
        long now = System.nanoTime();
        if (changes.isEmpty() && now - lastQueued >= heartbeatNanos) {
            String written = FeedPositions.write(position);
            if (!queue.offer(SseEmitter.event().comment("heartbeat").name("heartbeat").id(written)
                    .data(Map.of("position", written), MediaType.APPLICATION_JSON))) {
                return fellBehind();
            }
        } else if (changes.isEmpty()) {
            return true;
        }
        lastQueued = now;
        send();
        return true;
    }

    private boolean fellBehind() {
        end();
        return false;
    }

    private void send() {
        if (!sendingNow.compareAndSet(false, true)) {
            return;
        }
        sending.execute(() -> {
            try {
                for (SseEmitter.SseEventBuilder event = queue.poll(); event != null && !ended.get();
                     event = queue.poll()) {
                    emitter.send(event);
                }
            } catch (IOException | IllegalStateException gone) {
                end();
            } finally {
                sendingNow.set(false);
            }
            if (!queue.isEmpty() && !ended.get()) {
                send();
            }
        });
    }

    /** Ends the stream and the response. */
    private void end() {
        if (stopReading()) {
            emitter.complete();
        }
    }

    /** Ends the stream, once: answers whether this call did. */
    private boolean stopReading() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        queue.clear();
        LeadChangeStreams.Stream reading = stream;
        if (reading != null) {
            reading.close();
        }
        return true;
    }
}
