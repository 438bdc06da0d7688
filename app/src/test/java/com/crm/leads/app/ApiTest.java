package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base of the HTTP tests: the whole service on a random port with a fresh in-memory database, shared by every
 * test class (one Spring context), spoken to over real HTTP as an integrator would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-test;DB_CLOSE_DELAY=-1",
        "logging.level.root=WARN"})
public abstract class ApiTest extends ServiceClient {

    /** Tokens of MPAdministrator and supervisor per running service (port), so not every test pays for a login. */
    private static final Map<Integer, List<String>> TOKENS = new ConcurrentHashMap<>();

    @LocalServerPort
    int port;

    @Autowired
    protected ObjectMapper json;

    /** Signed in as MPAdministrator, an administrator in Admin Unit, and as supervisor. */
    protected String admin;
    protected String supervisor;

    @BeforeEach
    void logIn() {
        List<String> tokens = TOKENS.computeIfAbsent(port, any -> List.of(token(), token("supervisor")));
        admin = tokens.get(0);
        supervisor = tokens.get(1);
    }

    protected static LocalDateTime nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    /** A date as the API writes it; {@code LocalDateTime.toString()} drops the seconds when they are zero. */
    protected static String written(LocalDateTime date) {
        return date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    }

    protected static long version(JsonNode lead) {
        assertThat(lead.path("version").isIntegralNumber()).as("version of %s", lead).isTrue();
        return lead.path("version").asLong();
    }

    /** The field of the answer that a parameter sets. */
    protected static String field(String parameter) {
        return parameter.endsWith("_identifier") ? parameter.substring(0, parameter.length() - "_identifier".length())
                : parameter;
    }

    protected static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Override
    protected int port() {
        return port;
    }

    @Override
    public ObjectMapper mapper() {
        return json;
    }
}
