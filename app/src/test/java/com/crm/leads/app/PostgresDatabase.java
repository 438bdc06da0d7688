package com.crm.leads.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A database on the machine's PostgreSQL (127.0.0.1:5432, or {@code LEADS_TEST_POSTGRES_HOST}), and instances of the
 * service started on it with the {@code postgres} profile. The database is the run's own when CI made one
 * ({@code LEADS_TEST_POSTGRES_DATABASE}); otherwise it is made for the test class and dropped after it. The profile
 * refuses the development password, so the instances read the default catalogue with another one.
 */
final class PostgresDatabase implements AutoCloseable {

    static final String PASSWORD = "a-password-of-its-own";

    private static final String SERVER = "jdbc:postgresql://"
            + System.getenv().getOrDefault("LEADS_TEST_POSTGRES_HOST", "127.0.0.1:5432") + "/";

    private static final String RUN_DATABASE = System.getenv("LEADS_TEST_POSTGRES_DATABASE");

    private final String name;
    private final JdbcTemplate server = new JdbcTemplate(new DriverManagerDataSource(SERVER + "postgres", "postgres", ""));
    private final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    private final Path catalogue;

    private final boolean own;

    PostgresDatabase() {
        this(RUN_DATABASE == null);
    }

    private PostgresDatabase(boolean own) {
        this.own = own;
        this.name = own ? "leads_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT) : RUN_DATABASE;
        if (own) {
            server.execute("CREATE DATABASE " + name);
        }
        catalogue = CatalogueFiles.withPassword(PASSWORD);
    }

    /**
     * A database made for the test class whatever CI gave the run: for tests of what a service does to a database
     * it meets for the first time (it imports the catalogue file into one, and only into one).
     */
    static PostgresDatabase ofItsOwn() {
        return new PostgresDatabase(true);
    }

    String url() {
        return SERVER + name;
    }

    JdbcTemplate jdbc() {
        return new JdbcTemplate(new DriverManagerDataSource(url(), "postgres", ""));
    }

    /** Starts an instance of the service on this database; {@code arguments} add to or override its settings. */
    ConfigurableApplicationContext start(String... arguments) {
        List<String> settings = new ArrayList<>(settings());
        settings.addAll(List.of("--server.port=0", "--logging.level.root=WARN"));
        settings.addAll(List.of(arguments));
        ConfigurableApplicationContext instance = new SpringApplicationBuilder(LeadServiceApplication.class)
                .run(settings.toArray(String[]::new));
        instances.add(instance);
        return instance;
    }

    /** The settings that put an instance of the service on this database. */
    List<String> settings() {
        return settings(url(), catalogue);
    }

    /** The settings of an instance on the database at {@code url}, reading {@code catalogue}. */
    static List<String> settings(String url, Path catalogue) {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + url,
                "--leads.catalogue=file:" + catalogue);
    }

    static ServiceClient client(ConfigurableApplicationContext instance) {
        return client(instance, PASSWORD);
    }

    /** A client of any running instance, whose catalogue users sign in with {@code password}. */
    static ServiceClient client(ConfigurableApplicationContext instance, String password) {
        int port = Integer.parseInt(instance.getEnvironment().getProperty("local.server.port"));
        return ServiceClient.on(port, instance.getBean(ObjectMapper.class), password);
    }

    @Override
    public void close() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (own) {
            server.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }
}
