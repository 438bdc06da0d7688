package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    /** An update of {@code lead} by the supervisor; parameters are name, value pairs, a null value is JSON null. */
    protected ObjectNode update(JsonNode lead, Object... parameters) {
        ObjectNode request = updateOf(supervisor, lead);
        for (int i = 0; i < parameters.length; i += 2) {
            Object value = parameters[i + 1];
            request.set((String) parameters[i], value == null ? json.nullNode() : json.valueToTree(value));
        }
        return request;
    }

    /** Sends an update that must succeed and answers the lead; a show right after must show the same lead. */
    protected JsonNode applied(ObjectNode request) {
        JsonNode answer = post("/leads/update", request).ok().data();
        assertThat(get("/leads/show", Map.of("token", admin, "lead_identifier", "id=" + answer.path("id").asText()))
                .ok().data()).as("show right after the update (read-your-writes)").isEqualTo(answer);
        return answer;
    }

    /**
     * Sends an update that must fail with this code, HTTP status and (unless null) description, and checks that the
     * lead is still exactly {@code lead}.
     */
    protected Answer refused(JsonNode lead, ObjectNode request, String code, int status, String description) {
        Answer answer = post("/leads/update", request).fails(code, status);
        if (description != null) {
            assertThat(answer.description()).as("description of %s", answer.body()).isEqualTo(description);
        }
        assertThat(show(admin, lead).ok().data()).as("the lead after a refused update").isEqualTo(lead);
        return answer;
    }

    /** {@code after} is {@code before} but for the named fields, its version and its log_information. */
    protected static void assertUnchangedBut(JsonNode before, JsonNode after, String... changed) {
        ObjectNode expected = before.deepCopy();
        ObjectNode actual = after.deepCopy();
        for (ObjectNode node : List.of(expected, actual)) {
            node.remove(List.of(changed));
            node.remove(List.of("version", "log_information"));
        }
        assertThat(actual).as("the fields the update did not name").isEqualTo(expected);
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
