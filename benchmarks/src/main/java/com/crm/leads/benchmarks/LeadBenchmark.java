package com.crm.leads.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Measures the service jar from outside, as its clients see it, on H2 and on PostgreSQL: {@code leads/update}
 * spread over many leads and on one hot lead against the ceiling of the same server (a trivial authenticated GET)
 * and against its peer (the same changes to a Spring Data JPA entity audited by Hibernate Envers); the update's cost
 * against a lead's history length, as configured (snapshots; on H2 also leads kept in memory) and with neither;
 * the replay of a large event store into the read model; start-up time and memory.
 *
 * <p>Run: {@code benchmarks/run [--smoke] [--databases=h2,postgres] [--parts=update,peer,history,replay,catalogue,feed]
 * [--clients=1,8,32,64] [--service-options="-Xmx256m"] [--service-settings="--name=value ..."] [--profile]}.
 */
public final class LeadBenchmark {

    private static final Path SERVICE = Path.of("app/target/lead-service.jar");
    private static final Path PEER = Path.of("benchmarks/peer/target/lead-peer.jar");
    private static final Path CATALOGUE = Path.of("app/src/main/resources/catalogue.json");
    private static final String DEVELOPMENT_PASSWORD = "dev-password";
    /** The postgres profile refuses the development password, so the service there gets a catalogue with this. */
    private static final String PRODUCTION_PASSWORD = "a-benchmark-password";
    private static final String SPREAD = "update, spread over %d leads";
    private static final String HOT = "update, one hot lead";
    private static final String CEILING = "ceiling: GET catalogue/statuses";
    private static final String PEER_PREFIX = "peer (JPA + Envers): ";

    /**
     * How much of everything: the concurrencies, the leads the spread update goes over, the history lengths and the
     * updates measured on each, the history lengths read back and the reads measured on each, the leads whose events are copied for the replay, and the events it replays.
     */
    private record Size(long serviceWarmUpMillis, Load load, int[] concurrency, int leads, int[] historyLengths,
                        int historySamples, int[] readLengths, int readSamples, int replayTemplates, int replayUpdates, long replayEvents,
                        long contacts, int feedStreams, int feedClients) {
    }

    private static final Size FULL = new Size(60_000, new Load(3_000, 8_000, 3), new int[]{1, 8, 32, 64}, 200,
            new int[]{10, 1_000, 10_000}, 100, new int[]{100, 100_000}, 300, 20, 40, 1_000_000, 1_000_000, 100, 8);
    private static final Size SMOKE = new Size(500, new Load(300, 700, 1), new int[]{1, 4}, 10,
            new int[]{10, 100}, 5, new int[]{100, 1_000}, 5, 2, 5, 5_000, 1_000, 5, 4);
    /** The catalogue part's clients: the concurrencies up to this many. */
    private static final int CATALOGUE_CLIENTS = 8;
    /** The default catalogue's Kokos Panagi, one of its three contacts. */
    private static final String KOKOS = "12F12B2F406A42E699A7E98646ADD1FB";
    private static final int WARM_UP_CLIENTS = 8;

    private final Size size;
    private final int[] concurrency;
    private final Report report;
    private final List<String> serviceOptions;
    private final List<String> serviceSettings;
    private final boolean profile;

    private LeadBenchmark(Size size, int[] concurrency, Report report, List<String> serviceOptions,
                          List<String> serviceSettings, boolean profile) {
        this.size = size;
        this.concurrency = concurrency;
        this.report = report;
        this.serviceOptions = serviceOptions;
        this.serviceSettings = serviceSettings;
        this.profile = profile;
    }

    public static void main(String[] args) throws Exception {
        boolean smoke = Arrays.asList(args).contains("--smoke");
        List<String> databases = option(args, "databases").map(LeadBenchmark::list)
                .orElse(smoke ? List.of("h2") : List.of("h2", "postgres"));
        List<String> allParts = List.of("update", "peer", "history", "replay", "catalogue", "feed");
        Set<String> parts = Set.copyOf(option(args, "parts").map(LeadBenchmark::list).orElse(allParts));
        List<String> serviceOptions = list(option(args, "service-options").orElse("-Xmx256m"), " ");
        List<String> serviceSettings = list(option(args, "service-settings").orElse(""), " ");
        Size size = smoke ? SMOKE : FULL;
        int[] clients = option(args, "clients").map(value -> list(value).stream().mapToInt(Integer::parseInt)
                .toArray()).orElse(size.concurrency());
        // a run of some parts only does not replace the latest full run's results
        Report report = new Report(smoke, smoke ? "smoke" : parts.containsAll(allParts) ? "latest"
                : "latest-" + String.join("-", allParts.stream().filter(parts::contains).toList()));
        LeadBenchmark benchmark = new LeadBenchmark(size, clients, report, serviceOptions, serviceSettings,
                Arrays.asList(args).contains("--profile"));
        for (String database : databases) {
            if (parts.contains("update") || parts.contains("history")) {
                benchmark.service(database, parts.contains("update"), parts.contains("history"));
            }
            if (parts.contains("peer")) {
                benchmark.peer(database);
            }
            if (parts.contains("replay")) {
                benchmark.replay(database);
            }
            if (parts.contains("catalogue")) {
                benchmark.catalogue(database);
            }
            if (parts.contains("feed")) {
                benchmark.feed(database);
            }
        }
        report.print();
        boolean broken = report.results().stream()
                .anyMatch(result -> result.errors() > 0 || result.requestsPerSecond() == 0);
        if (broken) {
            System.err.println("some calls failed or none went through: the figures above are not to be trusted");
            System.exit(1);
        }
    }

    /** The update load and its ceiling, and the update's cost against history length, as configured and without. */
    private void service(String database, boolean update, boolean history) throws Exception {
        try (Store store = Store.create(database)) {
            List<HistoryPool> pools = new ArrayList<>();
            try (RunningService service = start(SERVICE, store, "service")) {
                startedIn(store, "the service", service);
                LeadApi api = new LeadApi(service.port(), password(store));
                if (update) {
                    updateLoad(store, service, api);
                }
                if (history) {
                    for (int length : size.historyLengths()) {
                        pools.add(HistoryPool.grow(api, length, size.historySamples()));
                    }
                    history(store, api, pools, "as configured", 0);
                    reads(store, api);
                }
            }
            if (history) {
                try (Connection connection = store.connect(); Statement sql = connection.createStatement()) {
                    sql.execute("DELETE FROM snapshot_event_entry");
                }
                try (RunningService service = start(SERVICE, store, "service-without-snapshots",
                        "--leads.snapshot-threshold=0", "--leads.cached-leads=0")) {
                    history(store, new LeadApi(service.port(), password(store)), pools, "no snapshot, no cache",
                            size.historySamples());
                }
            }
        }
    }

    private void updateLoad(Store store, RunningService service, LeadApi api) throws Exception {
        List<String> leads = createLeads(api);
        warmUp(api, leads);
        MemoryWatch memory = MemoryWatch.of(service);
        for (int clients : concurrency) {
            Load.Result spread = updates(store, api, leads, "", clients).spread();
            Load.Result ceiling = report(size.load().measure(store.name(), CEILING, clients, api::ceiling));
            report.figure(String.format("%s, %d clients: update / ceiling = %.2f", store.name(), clients,
                    spread.requestsPerSecond() / ceiling.requestsPerSecond()));
        }
        report.figure(String.format("%s: under the update load, with %s: heap used %d MB at the end, RSS up to %d MB",
                store.name(), String.join(" ", serviceOptions), service.heapUsedMegabytes(), memory.stop()));
    }

    /** Updates one lead of each history length (or, for short ones, one lead each) and reports the latencies. */
    private void history(Store store, LeadApi api, List<HistoryPool> pools, String configuration, int firstSample)
            throws IOException, InterruptedException {
        HistoryPool warmUp = HistoryPool.grow(api, 1, 1);
        List<BooleanSupplier> warmUpCalls = new ArrayList<>();
        for (int call = 0; call < size.historySamples(); call++) {
            warmUpCalls.add(() -> api.update(warmUp.lead(0)));
        }
        Load.sequential(store.name(), "warm-up", warmUpCalls);
        for (HistoryPool pool : pools) {
            List<BooleanSupplier> calls = new ArrayList<>();
            for (int sample = 0; sample < size.historySamples(); sample++) {
                String lead = pool.lead(firstSample + sample);
                calls.add(() -> api.update(lead));
            }
            report(Load.sequential(store.name(), String.format("update, a lead with %,d prior events, %s",
                    pool.priorEvents(), configuration), calls));
        }
    }

    /**
     * A history page of 50 entries and the lead at a past version, each at random places, on a short and on a long
     * history: what is read is what is answered, so the long one must cost about as much. Every lead is grown first
     * and the calls then alternate between them, so that each is measured on the same store and the same warm JVM.
     */
    private void reads(Store store, LeadApi api) throws IOException, InterruptedException {
        int pageSize = 50;
        List<String> leads = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        for (int length : size.readLengths()) {
            LeadApi.Created created = api.create();
            // one client on a short history, so it stops close to its length rather than a few calls beyond
            int growers = length < 1_000 ? 1 : HistoryPool.GROWERS;
            leads.add(created.number());
            versions.add(HistoryPool.grow(created.number(), length, created.version(), growers,
                    api::updateWideForVersion));
        }
        List<List<BooleanSupplier>> pageCalls = new ArrayList<>();
        List<List<BooleanSupplier>> versionCalls = new ArrayList<>();
        for (int lead = 0; lead < leads.size(); lead++) {
            String number = leads.get(lead);
            long version = versions.get(lead);
            pageCalls.add(new ArrayList<>());
            versionCalls.add(new ArrayList<>());
            // twice as many as measured: the first half warms up what the lead's first reads load
            for (int call = 0; call < 2 * size.readSamples(); call++) {
                long page = 1 + ThreadLocalRandom.current().nextLong(version / pageSize);
                long asOf = ThreadLocalRandom.current().nextLong(version + 1);
                pageCalls.get(lead).add(() -> api.historyPage(number, page, pageSize));
                versionCalls.get(lead).add(() -> api.showAsOf(number, asOf));
            }
        }
        List<String> names = versions.stream().map(version -> String.format("a lead with %,d events", version + 1))
                .toList();
        readRatio(store, "history page", Load.alternating(store.name(), names.stream().map(lead -> String.format(
                "history, a page of %d entries at random, %s", pageSize, lead)).toList(), pageCalls,
                size.readSamples()).stream().map(this::report).toList());
        readRatio(store, "show as_of_version", Load.alternating(store.name(), names.stream().map(lead ->
                "show as_of_version at random, " + lead).toList(), versionCalls, size.readSamples()).stream()
                .map(this::report).toList());
    }

    /** The median latency on the longest history over that on the shortest. */
    private void readRatio(Store store, String read, List<Load.Result> results)
            throws IOException, InterruptedException {
        Load.Result shortest = results.get(0);
        Load.Result longest = results.get(results.size() - 1);
        report.figure(String.format("%s, %s: p50 on the longest history / on the shortest = %.2f ms / %.2f ms = %.2f",
                store.name(), read, longest.p50(), shortest.p50(), longest.p50() / shortest.p50()));
    }

    /** The same update load on the peer, on a database of its own of the same kind, and the ratio ours / peer. */
    private void peer(String database) throws Exception {
        try (Store store = Store.create(database); RunningService peer = start(PEER, store, "peer")) {
            startedIn(store, "the peer", peer);
            LeadApi api = new LeadApi(peer.port(), DEVELOPMENT_PASSWORD);
            List<String> leads = createLeads(api);
            warmUp(api, leads);
            for (int clients : concurrency) {
                Updates peers = updates(store, api, leads, PEER_PREFIX, clients);
                ratio(store, clients, String.format(SPREAD, leads.size()), peers.spread());
                ratio(store, clients, HOT, peers.hot());
            }
        }
    }

    /** The update load at one concurrency: spread over the leads, and on the first of them only. */
    private record Updates(Load.Result spread, Load.Result hot) {
    }

    private Updates updates(Store store, LeadApi api, List<String> leads, String scenarioPrefix, int clients)
            throws IOException, InterruptedException {
        return new Updates(
                report(size.load().measure(store.name(), scenarioPrefix + String.format(SPREAD, leads.size()),
                        clients, () -> api.update(anyOf(leads)))),
                report(size.load().measure(store.name(), scenarioPrefix + HOT, clients,
                        () -> api.update(leads.get(0)))));
    }

    private void startedIn(Store store, String what, RunningService service)
            throws IOException, InterruptedException {
        report.figure(String.format("%s: %s started in %.1f s", store.name(), what,
                service.startUp().toMillis() / 1000.0));
    }

    private void ratio(Store store, int clients, String scenario, Load.Result peer)
            throws IOException, InterruptedException {
        Optional<Load.Result> ours = report.results().stream().filter(result -> result.store().equals(store.name())
                && result.scenario().equals(scenario) && result.clients() == clients).findFirst();
        if (ours.isPresent()) {
            report.figure(String.format("%s, %d clients, %s: ours / peer = %.2f", store.name(), clients, scenario,
                    ours.get().requestsPerSecond() / peer.requestsPerSecond()));
        }
    }

    /**
     * Leads made through the API, their events copied in the store up to the size asked for, then a rebuild of the
     * read model from all of them, timed from outside.
     */
    private void replay(String database) throws Exception {
        try (Store store = Store.create(database)) {
            try (RunningService service = start(SERVICE, store, "replay-templates")) {
                LeadApi api = new LeadApi(service.port(), password(store));
                for (int template = 0; template < size.replayTemplates(); template++) {
                    String lead = api.create().number();
                    for (int update = 0; update < size.replayUpdates(); update++) {
                        api.updateForVersion(lead);
                    }
                }
            }
            long copying = System.nanoTime();
            EventStoreCopies.Filled filled = EventStoreCopies.fillUp(store, size.replayEvents());
            report.figure(String.format("%s: %,d events in the store, %,d of them copies written in %.0f s",
                    store.name(), filled.events(), filled.copies(), (System.nanoTime() - copying) / 1e9));
            try (RunningService service = start(SERVICE, store, "replay")) {
                LeadApi api = new LeadApi(service.port(), password(store));
                long started = System.nanoTime();
                service.awaitIdle();
                rate(store, "the eventually consistent projections took in the copies (until the service was idle)",
                        filled.copies(), started);
                started = System.nanoTime();
                JsonNode rebuilt = api.rebuild();
                rate(store, String.format("rebuilding the lead read model folded them into %,d leads",
                        rebuilt.path("leads").asLong()), rebuilt.path("events").asLong(), started);
                // the replay begins once the processor has claimed its segments again, a moment after the answer
                started = System.nanoTime();
                Condition complete = () -> api.statusDurations(filled.lastNumber()).orElseThrow().path("complete")
                        .asBoolean();
                if (until(() -> !complete.holds(), 10_000)) {
                    if (!until(complete, 600_000)) {
                        throw new IllegalStateException("the status durations did not catch up in 10 minutes");
                    }
                    rate(store, "replaying the status durations from the first event took them in", filled.events(),
                            started);
                } else {
                    report.figure(String.format("%s: no replay of the status durations was seen (the rebuild "
                            + "answered %s)", store.name(), rebuilt));
                }
            }
        }
    }

    /**
     * Creates naming the contact by id and by name, and updates, first with the default catalogue's three contacts,
     * then on a store of its own with a million more written into the stopped service's catalogue: the cost must not
     * grow with it.
     */
    private void catalogue(String database) throws Exception {
        String small = "3 contacts";
        try (Store store = Store.create(database);
             RunningService service = start(SERVICE, store, "catalogue-small")) {
            LeadApi api = new LeadApi(service.port(), password(store));
            List<String> leads = createLeads(api);
            warmUp(api, leads);
            contactLoad(store, api, leads, small, KOKOS, "Kokos Panagi");
        }
        // a store of its own, so the large catalogue is all that differs: not also the leads the small run made
        try (Store store = Store.create(database)) {
            // the service's first start makes the tables the contacts are written into
            start(SERVICE, store, "catalogue-tables").close();
            double seconds = ContactBase.fill(store, size.contacts());
            store.settle();
            String large = String.format("%,d contacts", size.contacts() + 3);
            report.figure(String.format("%s: %,d contacts written into the catalogue in %.0f s", store.name(),
                    size.contacts(), seconds));
            try (RunningService service = start(SERVICE, store, "catalogue-large")) {
                LeadApi api = new LeadApi(service.port(), password(store));
                List<String> leads = new ArrayList<>();
                for (int lead = 0; lead < size.leads(); lead++) {
                    leads.add(api.create("id", ContactBase.id(size.contacts() - lead)).number());
                }
                warmUp(api, leads);
                long middle = size.contacts() / 2;
                contactLoad(store, api, leads, large, ContactBase.id(middle), ContactBase.name(middle));
            }
            for (Load.Result result : List.copyOf(report.results())) {
                if (result.store().equals(store.name()) && result.scenario().endsWith("(" + large + ")")) {
                    String scenario = result.scenario().replace(large, small);
                    Optional<Load.Result> before = report.results().stream().filter(other -> other.store()
                            .equals(store.name()) && other.scenario().equals(scenario)
                            && other.clients() == result.clients()).findFirst();
                    if (before.isPresent()) {
                        report.figure(String.format("%s, %d clients, %s: %s / %s = %.2f", store.name(),
                                result.clients(), scenario.replace(" (" + small + ")", ""), large, small,
                                result.requestsPerSecond() / before.get().requestsPerSecond()));
                    }
                }
            }
        }
    }

    /**
     * Change-feed streams held open while clients update leads: the time from each update's answer to its change on
     * every stream, and what the streams cost the updates.
     */
    private void feed(String database) throws Exception {
        try (Store store = Store.create(database); RunningService service = start(SERVICE, store, "feed")) {
            LeadApi api = new LeadApi(service.port(), password(store));
            List<String> leads = createLeads(api);
            warmUp(api, leads);
            try (FeedStreams streams = new FeedStreams(service.port(), api.token(), size.feedStreams())) {
                report(size.load().measure(store.name(), String.format("update, %d change-feed streams open",
                        size.feedStreams()), size.feedClients(), () -> {
                    String value = api.updateTagged(anyOf(leads));
                    if (value != null) {
                        streams.answered(value);
                    }
                    return value != null;
                }));
                // the last updates' changes reach the streams within a few poll intervals
                Thread.sleep(2_000);
                FeedStreams.Delivery delivery = streams.delivery();
                report.figure(String.format("%s: change feed, %d streams open, %d clients updating: from an "
                                + "update's answer to its change on a stream p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                                + "%,d of %,d changes delivered", store.name(), size.feedStreams(),
                        size.feedClients(), delivery.latencies().getValueAtPercentile(50) / 1e3,
                        delivery.latencies().getValueAtPercentile(99) / 1e3,
                        delivery.latencies().getMaxValue() / 1e3, delivery.delivered(), delivery.expected()));
            }
        }
    }

    private void contactLoad(Store store, LeadApi api, List<String> leads, String catalogue, String contactId,
                             String contactName) throws IOException, InterruptedException {
        for (int clients : concurrency) {
            if (clients > CATALOGUE_CLIENTS) {
                continue;
            }
            report(size.load().measure(store.name(), "create, contact by id (" + catalogue + ")", clients,
                    () -> api.createFor("id", contactId)));
            report(size.load().measure(store.name(), "create, contact by name (" + catalogue + ")", clients,
                    () -> api.createFor("name", contactName)));
            report(size.load().measure(store.name(), "update (" + catalogue + ")", clients,
                    () -> api.update(anyOf(leads))));
        }
    }

    private void rate(Store store, String what, long events, long startedNanos)
            throws IOException, InterruptedException {
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        report.figure(String.format("%s: %s: %,d events in %.1f s, %,.0f events/s", store.name(), what, events,
                seconds, events / seconds));
    }

    /** A condition the service reaches on its own. */
    private interface Condition {
        boolean holds() throws IOException, InterruptedException;
    }

    /** Checks {@code condition} every 100 ms for at most {@code millis}; answers whether it came to hold. */
    private static boolean until(Condition condition, long millis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.holds()) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }

    private void warmUp(LeadApi api, List<String> leads) throws InterruptedException {
        Load.warmUp(WARM_UP_CLIENTS, size.serviceWarmUpMillis(), () -> api.update(anyOf(leads)));
    }

    private static String anyOf(List<String> leads) {
        return leads.get(ThreadLocalRandom.current().nextInt(leads.size()));
    }

    private List<String> createLeads(LeadApi api) throws IOException, InterruptedException {
        List<String> leads = new ArrayList<>();
        for (int lead = 0; lead < size.leads(); lead++) {
            leads.add(api.create().number());
        }
        return leads;
    }

    private Load.Result report(Load.Result result) {
        try {
            report.add(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return result;
    }

    private RunningService start(Path jar, Store store, String name, String... settings)
            throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(serviceOptions);
        options.add("-Daxoniq.update-checker.disabled=true");
        if (profile) {
            options.add("-XX:FlightRecorderOptions=stackdepth=512");
            options.add("-XX:StartFlightRecording=settings=profile,filename=benchmarks/results/"
                    + store.name().toLowerCase() + "-" + name + ".jfr");
        }
        List<String> all = new ArrayList<>(store.settings());
        if (jar.equals(SERVICE) && store instanceof Store.Postgres) {
            all.add("--leads.catalogue=file:" + productionCatalogue());
        }
        all.addAll(List.of(settings));
        if (jar.equals(SERVICE)) {
            all.addAll(serviceSettings);
        }
        return RunningService.start(jar, options, all);
    }

    private static String password(Store store) {
        return store instanceof Store.Postgres ? PRODUCTION_PASSWORD : DEVELOPMENT_PASSWORD;
    }

    /** The default catalogue with every user's password replaced, hashed by the service's own command. */
    private static Path productionCatalogue() throws IOException, InterruptedException {
        Process hash = new ProcessBuilder(RunningService.jdkTool("java"), "-jar", SERVICE.toString(), "hash-password")
                .start();
        hash.getOutputStream().write((PRODUCTION_PASSWORD + "\n").getBytes(StandardCharsets.UTF_8));
        hash.getOutputStream().close();
        String passwordHash = new String(hash.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (hash.waitFor() != 0) {
            throw new IllegalStateException("hash-password failed");
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode catalogue = (ObjectNode) json.readTree(CATALOGUE.toFile());
        catalogue.withArray("users").forEach(user -> ((ObjectNode) user).put("password_hash", passwordHash));
        Path file = Files.createTempFile("lead-benchmark-catalogue", ".json");
        json.writeValue(file.toFile(), catalogue);
        return file;
    }

    private static Optional<String> option(String[] args, String name) {
        return Arrays.stream(args).filter(arg -> arg.startsWith("--" + name + "="))
                .map(arg -> arg.substring(name.length() + 3)).findFirst();
    }

    private static List<String> list(String value) {
        return list(value, ",");
    }

    private static List<String> list(String value, String separator) {
        return Arrays.stream(value.split(separator)).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    /** Leads grown to a history length: one lead when the length is long, else one lead per measured update. */
    private record HistoryPool(List<String> leads, long priorEvents) {

        static final int GROWERS = 8;

        static HistoryPool grow(LeadApi api, int length, int samples) throws IOException, InterruptedException {
            List<String> leads = new ArrayList<>();
            long version = 0;
            int count = length < 100 ? 2 * samples : 1;
            for (int lead = 0; lead < count; lead++) {
                LeadApi.Created created = api.create();
                version = Math.max(created.version(), grow(created.number(), length, created.version(),
                        GROWERS, api::updateForVersion));
                leads.add(created.number());
            }
            return new HistoryPool(leads, version + 1);
        }

        /** One update of a lead, answering its version after it. */
        interface Update {
            long of(String lead) throws IOException, InterruptedException;
        }

        /** Updates the lead from {@code growers} clients until its version reaches {@code length - 1}. */
        static long grow(String lead, int length, long version, int growers, Update update)
                throws InterruptedException {
            AtomicLong reached = new AtomicLong(version);
            List<Thread> threads = new ArrayList<>();
            for (int grower = 0; grower < growers; grower++) {
                Thread thread = new Thread(() -> {
                    while (reached.get() < length - 1) {
                        try {
                            reached.accumulateAndGet(update.of(lead), Math::max);
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException("growing a lead's history failed", e);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            for (Thread thread : threads) {
                thread.join();
            }
            return reached.get();
        }

        String lead(int sample) {
            return leads.get(leads.size() == 1 ? 0 : sample);
        }
    }
}
