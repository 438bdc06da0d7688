package com.crm.leads.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where a measured service keeps its data: a fresh H2 folder, or a fresh database on the machine's PostgreSQL
 * (127.0.0.1:5432, or {@code LEADS_BENCHMARK_POSTGRES_HOST}) that is dropped afterwards.
 */
sealed interface Store extends AutoCloseable {

    String name();

    /** The service's command-line settings that point it at this store. */
    List<String> settings();

    /** A connection to the lead service's database, for seeding it while the service is stopped. */
    Connection connect() throws SQLException;

    /**
     * Lets the store finish in the background what a bulk write leaves it (on PostgreSQL the statistics and the
     * vacuum autovacuum would otherwise run during the measurement), so what follows measures the service alone.
     */
    default void settle() throws SQLException {
    }

    @Override
    void close() throws SQLException;

    static Store create(String name) throws IOException, SQLException {
        return switch (name) {
            case "h2" -> new H2(Files.createTempDirectory("lead-benchmark-data"));
            case "postgres" -> Postgres.create();
            default -> throw new IllegalArgumentException("unknown database " + name + ": h2 or postgres");
        };
    }

    record H2(Path folder) implements Store {

        @Override
        public String name() {
            return "H2";
        }

        @Override
        public List<String> settings() {
            return List.of("--leads.data-dir=" + folder);
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("leads"), "sa", "");
        }

        /** Deletes the folder: a full run leaves gigabytes in it. */
        @Override
        public void close() throws SQLException {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                throw new SQLException("could not delete " + folder, e);
            }
        }
    }

    record Postgres(String server, String database) implements Store {

        private static Postgres create() throws SQLException {
            String server = "jdbc:postgresql://"
                    + System.getenv().getOrDefault("LEADS_BENCHMARK_POSTGRES_HOST", "127.0.0.1:5432") + "/";
            Postgres store = new Postgres(server, "lead_benchmark_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT));
            store.onServer("CREATE DATABASE " + store.database);
            return store;
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }

        @Override
        public List<String> settings() {
            return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + server + database);
        }

        @Override
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(server + database, "postgres", "");
        }

        @Override
        public void settle() throws SQLException {
            try (Connection connection = connect(); Statement sql = connection.createStatement()) {
                sql.execute("VACUUM (ANALYZE) catalogue_entry");
                sql.execute("CHECKPOINT");
            }
        }

        @Override
        public void close() throws SQLException {
            onServer("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }

        private void onServer(String statement) throws SQLException {
            try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "");
                 Statement sql = connection.createStatement()) {
                sql.execute(statement);
            }
        }
    }
}
