package com.crm.leads.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service jar started as its users start it, in a process of its own, on a free port. */
final class RunningService implements AutoCloseable {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final Process process;
    private final int port;
    private final Duration startUp;
    private final Path log;

    private RunningService(Process process, int port, Duration startUp, Path log) {
        this.process = process;
        this.port = port;
        this.startUp = startUp;
        this.log = log;
    }

    /** Starts {@code jar} with the JVM's {@code options} and the service's {@code settings}; waits until healthy. */
    static RunningService start(Path jar, List<String> options, List<String> settings)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path log = Files.createTempFile("lead-benchmark-service", ".log");
        List<String> command = new ArrayList<>(List.of(jdkTool("java")));
        command.addAll(options);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(settings);
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(health).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("UP")) {
                    return new RunningService(process, port, Duration.ofNanos(System.nanoTime() - started), log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException(jar.getFileName() + " did not start within 120 s; its log: " + log);
    }

    int port() {
        return port;
    }

    Duration startUp() {
        return startUp;
    }

    /** The process's resident memory in MB, from /proc (Linux), or -1 where that cannot be read. */
    long residentMegabytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Waits until the process has been idle (under 5% of one core) for a second, as it is once background work
     * such as event processors catching up is done.
     */
    void awaitIdle() throws IOException, InterruptedException {
        double before = cpuSeconds();
        while (true) {
            Thread.sleep(1_000);
            double now = cpuSeconds();
            if (now - before < 0.05) {
                return;
            }
            before = now;
        }
    }

    /** The CPU time the process has used, from /proc (Linux, 100 clock ticks a second). */
    private double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** The Java heap in use now, in MB, as the JVM reports it to {@code jcmd}; -1 where that cannot be read. */
    long heapUsedMegabytes() throws InterruptedException {
        try {
            Process jcmd = new ProcessBuilder(jdkTool("jcmd"), String.valueOf(process.pid()), "GC.heap_info")
                    .redirectErrorStream(true).start();
            String info = new String(jcmd.getInputStream().readAllBytes());
            Matcher used = HEAP_USED.matcher(info);
            return jcmd.waitFor() == 0 && used.find() ? Long.parseLong(used.group(1)) / 1024 : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
        if (process.exitValue() != 0 && process.exitValue() != 143) {
            System.err.println("the service ended with " + process.exitValue() + "; its log: " + log);
        }
    }

    /** A tool of the JDK this runs on: the services run on the same Java as the benchmark. */
    static String jdkTool(String tool) {
        return Path.of(System.getProperty("java.home"), "bin", tool).toString();
    }
}
