package com.crm.leads.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of the test's own: a cluster made with {@code initdb} in a temporary folder, on a free port,
 * that the test may stop and start as an outage would, without touching the machine's shared server. PostgreSQL
 * refuses to run as root, so as root its programs run as the {@code postgres} user.
 */
final class PrivatePostgres implements AutoCloseable {

    private final Path binaries;
    private final Path cluster;
    private final int port;

    PrivatePostgres() {
        binaries = Path.of(run(List.of("pg_config", "--bindir")).trim());
        cluster = Path.of(run(asServerUser(List.of("mktemp", "-d", "-t", "leads-outage-XXXXXX"))).trim());
        port = ServiceProcess.freePort();
        run(asServerUser(List.of(binaries.resolve("initdb").toString(), "-D", cluster.toString(), "-U", "postgres",
                "--auth=trust", "--no-sync", "-E", "UTF8")));
        start();
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void start() {
        run(asServerUser(List.of(binaries.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-l",
                cluster.resolve("server.log").toString(), "-o",
                "-p " + port + " -c listen_addresses=127.0.0.1 -k " + cluster, "start")));
    }

    /** Stops the server at once: open connections are cut, as when a database host goes away. */
    void stop() {
        run(asServerUser(List.of(binaries.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-w", "-m", "fast",
                "stop")));
    }

    @Override
    public void close() {
        run(asServerUser(List.of(binaries.resolve("pg_ctl").toString(), "-D", cluster.toString(), "-m", "immediate",
                "stop")), true);
        run(asServerUser(List.of("rm", "-rf", cluster.toString())));
    }

    private static List<String> asServerUser(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> asPostgres = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(command);
        return asPostgres;
    }

    private static String run(List<String> command) {
        return run(command, false);
    }

    private static String run(List<String> command, boolean mayFail) {
        try {
            Path output = Files.createTempFile("postgres-command-", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish within a minute");
            }
            String printed = Files.readString(output);
            Files.delete(output);
            if (process.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(command + " failed with " + process.exitValue() + ": " + printed);
            }
            return printed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
