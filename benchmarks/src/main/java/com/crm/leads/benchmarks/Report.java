package com.crm.leads.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The results as a table on the console and in {@code benchmarks/results/} (Markdown and CSV), with the commit,
 * the date and the machine. It is written again after each step, so a run cut short still leaves what it measured.
 */
final class Report {

    private final boolean smoke;
    private final String name;
    private final List<Load.Result> results = new ArrayList<>();
    private final List<String> figures = new ArrayList<>();

    /** A report written to {@code benchmarks/results/<name>.md} and {@code .csv}. */
    Report(boolean smoke, String name) {
        this.smoke = smoke;
        this.name = name;
    }

    List<Load.Result> results() {
        return results;
    }

    void add(Load.Result result) throws IOException, InterruptedException {
        results.add(result);
        write();
    }

    /** A figure that is not a row of the table: start-up, memory, replay, ratios. */
    void figure(String line) throws IOException, InterruptedException {
        System.out.println(line);
        figures.add(line);
        write();
    }

    void print() throws IOException, InterruptedException {
        System.out.println();
        System.out.println(write());
    }

    private String write() throws IOException, InterruptedException {
        String machine = String.format("%d cores, %d MB memory, Java %s", Runtime.getRuntime().availableProcessors(),
                ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getTotalMemorySize() / (1024 * 1024), System.getProperty("java.version"));
        StringBuilder markdown = new StringBuilder()
                .append("# Lead service benchmark").append(smoke ? " (smoke run: figures mean nothing)" : "")
                .append("\n\ncommit ").append(commit()).append(", ").append(Instant.now()).append(", ").append(machine)
                .append("\n\n| store | scenario | clients | req/s (median) | req/s min–max | p50 ms | p99 ms "
                        + "| p99.9 ms | errors |\n|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder(
                "store,scenario,clients,requests_per_second,min,max,p50_ms,p99_ms,p999_ms,errors\n");
        for (Load.Result result : results) {
            markdown.append(String.format("| %s | %s | %d | %.0f | %.0f–%.0f | %.2f | %.2f | %.2f | %d |%n",
                    result.store(), result.scenario(), result.clients(), result.requestsPerSecond(),
                    result.minPerSecond(), result.maxPerSecond(), result.p50(), result.p99(), result.p999(),
                    result.errors()));
            csv.append(String.format("%s,\"%s\",%d,%.1f,%.1f,%.1f,%.3f,%.3f,%.3f,%d%n", result.store(),
                    result.scenario(), result.clients(), result.requestsPerSecond(), result.minPerSecond(),
                    result.maxPerSecond(), result.p50(), result.p99(), result.p999(), result.errors()));
        }
        markdown.append('\n');
        figures.forEach(figure -> markdown.append("- ").append(figure).append('\n'));
        Path folder = Path.of("benchmarks", "results");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(name + ".md"), markdown);
        Files.writeString(folder.resolve(name + ".csv"), csv);
        return markdown.toString();
    }

    private static String commit() throws IOException, InterruptedException {
        Process git = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
        String commit = new String(git.getInputStream().readAllBytes()).trim();
        return git.waitFor() == 0 ? commit : "unknown";
    }
}
