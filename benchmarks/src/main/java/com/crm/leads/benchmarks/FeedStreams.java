package com.crm.leads.benchmarks;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Change-feed streams held open against the service, each read on a thread of its own, and the time from each
 * update's answer (as its client saw it) to its change on every stream. An update is known by the value it wrote,
 * which {@link LeadApi#updateTagged} makes unique and the change carries as its new value.
 */
final class FeedStreams implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final long HIGHEST_MICROS = 60_000_000L;
    private static final String NEW_VALUE = "\"new_value\":\"";

    private final List<HttpResponse<Stream<String>>> streams = new ArrayList<>();
    /** When each update was answered, by the value it wrote. */
    private final Map<String, Long> answered = new ConcurrentHashMap<>();
    /** When each stream got each update's change, by the value it wrote. */
    private final Map<String, List<Long>> arrived = new ConcurrentHashMap<>();

    /** What the streams saw of the updates answered while they were open. */
    record Delivery(long expected, long delivered, Histogram latencies) {
    }

    /** Opens {@code count} streams from now on, with {@code token}, on the service at {@code port}. */
    FeedStreams(int port, String token, int count) throws IOException, InterruptedException {
        for (int stream = 0; stream < count; stream++) {
            HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                                    + port + "/crmapi/rest/v2/leads/changes?token=" + token))
                            .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("a change-feed stream answered " + response.statusCode());
            }
            streams.add(response);
            Thread reader = new Thread(() -> read(response.body()), "feed-stream-" + stream);
            reader.setDaemon(true);
            reader.start();
        }
    }

    /** Notes that the update that wrote {@code value} was answered now. */
    void answered(String value) {
        answered.put(value, System.nanoTime());
    }

    /** From each answered update to its change on each stream; a change that came before the answer counts 0. */
    Delivery delivery() {
        Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        long delivered = 0;
        for (Map.Entry<String, Long> update : answered.entrySet()) {
            List<Long> arrivals = arrived.getOrDefault(update.getKey(), List.of());
            synchronized (arrivals) {
                for (long arrival : arrivals) {
                    latencies.recordValue(Math.min(Math.max(0, (arrival - update.getValue()) / 1_000),
                            HIGHEST_MICROS));
                    delivered++;
                }
            }
        }
        return new Delivery((long) answered.size() * streams.size(), delivered, latencies);
    }

    private void read(Stream<String> lines) {
        try {
            lines.forEach(line -> {
                int start = line.startsWith("data:") ? line.indexOf(NEW_VALUE) : -1;
                if (start >= 0) {
                    long now = System.nanoTime();
                    int from = start + NEW_VALUE.length();
                    String value = line.substring(from, line.indexOf('"', from));
                    arrived.computeIfAbsent(value, any -> new ArrayList<>());
                    List<Long> arrivals = arrived.get(value);
                    synchronized (arrivals) {
                        arrivals.add(now);
                    }
                }
            });
        } catch (UncheckedIOException closed) {
            // the stream was closed by the benchmark, or ended by the service
        }
    }

    @Override
    public void close() {
        streams.forEach(stream -> stream.body().close());
    }
}
