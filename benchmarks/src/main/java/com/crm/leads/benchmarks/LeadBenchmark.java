package com.crm.leads.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Measures the service jar from outside, as its clients see it: {@code leads/update} spread over many leads and
 * on one hot lead, and the ceiling of the same server (a trivial authenticated GET), each at fixed concurrency
 * with closed-loop clients, after a warm-up, several runs, medians with their spread. Latencies go to an
 * HdrHistogram. {@code --smoke} runs it for a few seconds only, to prove the runner works.
 *
 * <p>Run: {@code benchmarks/run} (or {@code benchmarks/run --smoke}).
 */
public final class LeadBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Settings(int[] concurrency, int leads, long warmUpMillis, long measureMillis, int runs) {
    }

    /** One measured configuration: medians over the runs, and the spread of the throughput. */
    record Result(String scenario, int clients, double requestsPerSecond, double minPerSecond, double maxPerSecond,
                  double p50, double p99, double p999, long errors) {
    }

    private final String base;
    private final String token;
    private final List<String> leads = new ArrayList<>();
    private final AtomicLong counter = new AtomicLong();

    private LeadBenchmark(int port) throws IOException, InterruptedException {
        this.base = "http://localhost:" + port + "/crmapi/rest/v2";
        this.token = post("/authentication/token", "{\"username\": \"MPAdministrator\", \"password\": "
                + "\"dev-password\", \"organisation\": \"CRM\"}").path("data").path("token").asText();
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        Settings settings = smoke ? new Settings(new int[]{1, 4}, 10, 500, 1_000, 1)
                : new Settings(new int[]{1, 8, 32, 64}, 200, 10_000, 20_000, 3);
        Path jar = Path.of("app/target/lead-service.jar");
        List<Result> results = new ArrayList<>();
        long rss;
        String startUp;
        try (RunningService service = RunningService.start(jar)) {
            startUp = String.format("%.1f s", service.startUp().toMillis() / 1000.0);
            LeadBenchmark benchmark = new LeadBenchmark(service.port());
            benchmark.createLeads(settings.leads());
            for (int clients : settings.concurrency()) {
                results.add(benchmark.measure("update, spread over " + settings.leads() + " leads", clients, settings,
                        client -> benchmark.update(benchmark.leads.get(
                                ThreadLocalRandom.current().nextInt(benchmark.leads.size())))));
                results.add(benchmark.measure("update, one hot lead", clients, settings,
                        client -> benchmark.update(benchmark.leads.get(0))));
                results.add(benchmark.measure("ceiling: GET catalogue/statuses", clients, settings,
                        client -> benchmark.ceiling()));
                Report.write(results, startUp, service.residentMegabytes(), smoke);
            }
            rss = service.residentMegabytes();
        }
        Report.print(results, startUp, rss, smoke);
        boolean broken = results.stream().anyMatch(result -> result.errors() > 0 || result.requestsPerSecond() == 0);
        if (broken) {
            System.err.println("some calls failed or none went through: the figures above are not to be trusted");
            System.exit(1);
        }
    }

    private void createLeads(int count) throws IOException, InterruptedException {
        for (int lead = 0; lead < count; lead++) {
            JsonNode created = post("/leads/create", "{\"token\": \"" + token + "\", \"contact_information_identifier\":"
                    + " {\"name\": \"Kokos Panagi\"}, \"type_identifier\": {\"name\": \"New Customer\"},"
                    + " \"status_identifier\": {\"name\": \"New\"}, \"importance\": \"IMPORTANCE2\", \"priority\": 3,"
                    + " \"fields_set\": \"number\"}");
            leads.add(created.path("data").path("number").asText());
        }
    }

    /** A real change each time: a field takes a value it never had. */
    private boolean update(String number) {
        return send(HttpRequest.newBuilder(URI.create(base + "/leads/update"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\": \"" + token + "\", \"lead_identifier\": "
                        + "{\"number\": \"" + number + "\"}, \"udf_string_1\": \"change " + counter.incrementAndGet()
                        + "\", \"fields_set\": \"version\"}")));
    }

    private boolean ceiling() {
        return send(HttpRequest.newBuilder(URI.create(base + "/catalogue/statuses?token=" + token)).GET());
    }

    private static boolean send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode json = JSON.readTree(answer.body());
        if (!json.path("status").path("code").asText().equals("OK")) {
            throw new IllegalStateException(path + " answered " + answer.body());
        }
        return json;
    }

    /** Warm-up, then {@code runs} measured windows of closed-loop clients; medians across the runs. */
    private Result measure(String scenario, int clients, Settings settings, IntFunction<Boolean> call)
            throws InterruptedException {
        double[] throughput = new double[settings.runs()];
        double[] p50 = new double[settings.runs()];
        double[] p99 = new double[settings.runs()];
        double[] p999 = new double[settings.runs()];
        long errors = 0;
        run(clients, settings.warmUpMillis(), call, new Histogram(3), new AtomicLong());
        for (int run = 0; run < settings.runs(); run++) {
            Histogram latencies = new Histogram(60_000_000L, 3);
            AtomicLong failed = new AtomicLong();
            long started = System.nanoTime();
            run(clients, settings.measureMillis(), call, latencies, failed);
            double seconds = (System.nanoTime() - started) / 1e9;
            throughput[run] = latencies.getTotalCount() / seconds;
            p50[run] = latencies.getValueAtPercentile(50) / 1000.0;
            p99[run] = latencies.getValueAtPercentile(99) / 1000.0;
            p999[run] = latencies.getValueAtPercentile(99.9) / 1000.0;
            errors += failed.get();
        }
        Result result = new Result(scenario, clients, median(throughput), Arrays.stream(throughput).min().orElse(0),
                Arrays.stream(throughput).max().orElse(0), median(p50), median(p99), median(p999), errors);
        System.out.printf("%-40s %3d clients: %8.0f req/s, p50 %6.2f ms, p99 %7.2f ms%n", scenario, clients,
                result.requestsPerSecond(), result.p50(), result.p99());
        return result;
    }

    private static void run(int clients, long millis, IntFunction<Boolean> call, Histogram latencies,
                            AtomicLong failed) throws InterruptedException {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> {
                while (running.get()) {
                    long started = System.nanoTime();
                    boolean ok = call.apply(id);
                    long micros = (System.nanoTime() - started) / 1_000;
                    synchronized (latencies) {
                        latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
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

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
