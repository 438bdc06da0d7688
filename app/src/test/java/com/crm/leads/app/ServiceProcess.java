package com.crm.leads.app;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service run as an operator runs it: {@code java -jar lead-service.jar} in a process of its own, which a
 * test can kill as a crash would (SIGKILL: no shutdown hook, no flush) and start again on the same store. Its output
 * goes to a file under {@code target/service-logs/}, named in every failure.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Duration START_LIMIT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<String> settings;
    private final String name;
    private final int port;
    private final Path log;
    private Process process;

    /** A service named {@code name} (for its log) with these settings; not started yet. */
    ServiceProcess(String name, List<String> settings) {
        this.name = name;
        this.settings = settings;
        this.port = freePort();
        this.log = Path.of("target", "service-logs");
    }

    /** Starts the service and waits until it says it is ready. */
    ServiceProcess start() {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true",
                "-jar", System.getProperty("lead-service.jar", "target/lead-service.jar"),
                "--server.port=" + port, "--logging.level.root=WARN"));
        command.addAll(settings);
        try {
            Files.createDirectories(log);
            Path file = logFile();
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(file.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady();
        return this;
    }

    /** Kills the process as a crash would: SIGKILL, nothing flushed, no shutdown hook. */
    void kill() {
        process.destroyForcibly();
        awaitExit();
    }

    /** Stops the process the orderly way (SIGTERM). */
    void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            awaitExit();
        }
    }

    int port() {
        return port;
    }

    ServiceClient client(ObjectMapper json, String password) {
        return ServiceClient.on(port, json, password);
    }

    /** The HTTP status of an actuator path ({@code /actuator/health/readiness}), or -1 when nothing answers. */
    int actuator(String path, Duration limit) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(limit).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return name + " (log " + logFile().toAbsolutePath() + ")";
    }

    private void awaitReady() {
        Instant until = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(this + " exited at start with " + process.exitValue());
            }
            if (actuator("/actuator/health/readiness", Duration.ofSeconds(2)) == 200) {
                return;
            }
            pause(Duration.ofMillis(200));
        }
        throw new IllegalStateException(this + " was not ready within " + START_LIMIT);
    }

    private void awaitExit() {
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Path logFile() {
        return log.resolve(name + ".log");
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
