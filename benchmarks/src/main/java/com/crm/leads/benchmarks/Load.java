package com.crm.leads.benchmarks;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Closed-loop clients: each sends its next call when the last one answered. Latencies go to an HdrHistogram; a
 * warm-up comes first, then several measured windows, and the medians across them are reported with the spread
 * of the throughput.
 *
 * @param warmUpMillis  how long the calls run before anything is recorded
 * @param measureMillis how long each measured window lasts
 * @param runs          how many measured windows
 */
record Load(long warmUpMillis, long measureMillis, int runs) {

    private static final long HIGHEST_MICROS = 60_000_000L;

    /** One measured configuration: medians over the runs, and the spread of the throughput. */
    record Result(String store, String scenario, int clients, double requestsPerSecond, double minPerSecond,
                  double maxPerSecond, double p50, double p99, double p999, long errors) {
    }

    Result measure(String store, String scenario, int clients, BooleanSupplier call) throws InterruptedException {
        double[] throughput = new double[runs];
        double[] p50 = new double[runs];
        double[] p99 = new double[runs];
        double[] p999 = new double[runs];
        long errors = 0;
        window(clients, warmUpMillis, call, new Histogram(HIGHEST_MICROS, 3), new AtomicLong());
        for (int run = 0; run < runs; run++) {
            Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
            AtomicLong failed = new AtomicLong();
            long started = System.nanoTime();
            window(clients, measureMillis, call, latencies, failed);
            double seconds = (System.nanoTime() - started) / 1e9;
            throughput[run] = latencies.getTotalCount() / seconds;
            p50[run] = millis(latencies, 50);
            p99[run] = millis(latencies, 99);
            p999[run] = millis(latencies, 99.9);
            errors += failed.get();
        }
        Result result = new Result(store, scenario, clients, median(throughput),
                Arrays.stream(throughput).min().orElse(0), Arrays.stream(throughput).max().orElse(0), median(p50),
                median(p99), median(p999), errors);
        System.out.printf("%-10s %-42s %3d clients: %8.0f req/s, p50 %7.2f ms, p99 %8.2f ms%n", store, scenario,
                clients, result.requestsPerSecond(), result.p50(), result.p99());
        return result;
    }

    /**
     * Runs {@code call} from {@code clients} clients for a while without measuring: a JVM just started compiles its
     * hot code for a minute or more on two cores, and would be measured while it does.
     */
    static void warmUp(int clients, long millis, BooleanSupplier call) throws InterruptedException {
        window(clients, millis, call, new Histogram(HIGHEST_MICROS, 3), new AtomicLong());
    }

    /**
     * Latencies of {@code calls} calls made one after the other, for costs that change as the calls go on (a
     * lead's history grows with each update): a fixed number of calls, not a time window.
     */
    static Result sequential(String store, String scenario, List<BooleanSupplier> calls) {
        Histogram latencies = new Histogram(HIGHEST_MICROS, 3);
        long errors = 0;
        long started = System.nanoTime();
        for (BooleanSupplier call : calls) {
            long callStarted = System.nanoTime();
            boolean ok = call.getAsBoolean();
            latencies.recordValue(Math.min((System.nanoTime() - callStarted) / 1_000, HIGHEST_MICROS));
            errors += ok ? 0 : 1;
        }
        double perSecond = calls.size() / ((System.nanoTime() - started) / 1e9);
        Result result = new Result(store, scenario, 1, perSecond, perSecond, perSecond, millis(latencies, 50),
                millis(latencies, 99), millis(latencies, 99.9), errors);
        System.out.printf("%-10s %-42s %d calls: p50 %7.2f ms, p99 %8.2f ms%n", store, scenario, calls.size(),
                result.p50(), result.p99());
        return result;
    }

    /**
     * As {@link #sequential}, for several scenarios whose calls take turns, one of each in turn, so that all of them
     * meet the same store and the same JVM; the first {@code warmUp} calls of each are not recorded.
     */
    static List<Result> alternating(String store, List<String> scenarios, List<List<BooleanSupplier>> calls,
                                    int warmUp) {
        List<Histogram> latencies = scenarios.stream().map(scenario -> new Histogram(HIGHEST_MICROS, 3)).toList();
        long[] errors = new long[scenarios.size()];
        long[] nanos = new long[scenarios.size()];
        int rounds = calls.stream().mapToInt(List::size).min().orElse(0);
        for (int round = 0; round < rounds; round++) {
            for (int scenario = 0; scenario < scenarios.size(); scenario++) {
                long callStarted = System.nanoTime();
                boolean ok = calls.get(scenario).get(round).getAsBoolean();
                long took = System.nanoTime() - callStarted;
                if (round >= warmUp) {
                    latencies.get(scenario).recordValue(Math.min(took / 1_000, HIGHEST_MICROS));
                    nanos[scenario] += took;
                    errors[scenario] += ok ? 0 : 1;
                }
            }
        }
        List<Result> results = new ArrayList<>();
        for (int scenario = 0; scenario < scenarios.size(); scenario++) {
            Histogram measured = latencies.get(scenario);
            double perSecond = measured.getTotalCount() / (nanos[scenario] / 1e9);
            Result result = new Result(store, scenarios.get(scenario), 1, perSecond, perSecond, perSecond,
                    millis(measured, 50), millis(measured, 99), millis(measured, 99.9), errors[scenario]);
            System.out.printf("%-10s %-42s %d calls: p50 %7.2f ms, p99 %8.2f ms%n", store, result.scenario(),
                    measured.getTotalCount(), result.p50(), result.p99());
            results.add(result);
        }
        return results;
    }

    private static void window(int clients, long millis, BooleanSupplier call, Histogram latencies,
                               AtomicLong failed) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    boolean ok = call.getAsBoolean();
                    long micros = Math.min((System.nanoTime() - started) / 1_000, HIGHEST_MICROS);
                    synchronized (latencies) {
                        latencies.recordValue(micros);
                    }
                    if (!ok) {
                        failed.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        Thread.sleep(millis);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static double millis(Histogram latencies, double percentile) {
        return latencies.getValueAtPercentile(percentile) / 1000.0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
