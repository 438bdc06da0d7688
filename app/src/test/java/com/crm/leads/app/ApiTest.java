package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The base of the HTTP tests: the whole service on a random port with a fresh in-memory database, shared by every
 * test class (one Spring context), spoken to over real HTTP as an integrator would.
 */
// metrics are exported as the service exports them (Spring Boot's tests turn the export off otherwise)
@AutoConfigureObservability
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-test;DB_CLOSE_DELAY=-1",
        "leads.change-feed.heartbeat=1s",
        "logging.level.root=WARN"})
public abstract class ApiTest extends ServiceClient {

    /** A date as the service writes it: {@code yyyy-MM-dd'T'HH:mm:ss}, no zone. */
    protected static final String DATE_FORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

    /** Enough records per page for the whole history of any lead these tests make. */
    private static final String ENOUGH_FOR_A_WHOLE_HISTORY = "1000";

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

    /** A lead for Filippos Constantinou in the New status, made by the administrator with the mandatory parameters. */
    /** {@code leads/changes} as a server-sent event stream, read as the administrator. */
    protected EventStream changeStream(Map<String, String> parameters, String lastEventId) throws Exception {
        Map<String, String> all = new LinkedHashMap<>(parameters);
        all.put("token", admin);
        String query = all.entrySet().stream().map(parameter -> parameter.getKey() + "="
                + URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return new EventStream(uri("/leads/changes?" + query), lastEventId);
    }

    protected JsonNode newLead() {
        return createLead(admin, Map.of());
    }

    /** A lead as {@link #newLead()} makes it, with {@code extra} parameters added or overridden. */
    protected JsonNode newLead(Map<String, Object> extra) {
        return createLead(admin, extra);
    }

    /** An update of {@code lead} by the supervisor; parameters are name, value pairs, a null value is JSON null. */
    protected ObjectNode update(JsonNode lead, Object... parameters) {
        return updateBy(supervisor, lead, parameters);
    }

    /** An update of {@code lead} with {@code token}; parameters are name, value pairs, a null value is JSON null. */
    protected ObjectNode updateBy(String token, JsonNode lead, Object... parameters) {
        ObjectNode request = updateOf(token, lead);
        for (int i = 0; i < parameters.length; i += 2) {
            Object value = parameters[i + 1];
            request.set((String) parameters[i], value == null ? json.nullNode() : json.valueToTree(value));
        }
        return request;
    }

    /** Sends an update with headers given as name, value pairs. */
    protected Answer sendUpdate(ObjectNode request, String... headers) {
        return postWithHeaders("/leads/update", request, headers);
    }

    /** Sends a create with headers given as name, value pairs. */
    protected Answer sendCreate(ObjectNode request, String... headers) {
        return postWithHeaders("/leads/create", request, headers);
    }

    /** The lead as the administrator is shown it. */
    protected Answer show(JsonNode lead) {
        return show(admin, lead);
    }

    /** The lead that {@code leadIdentifier} ({@code number=...} or {@code id=...}) names, shown to the administrator. */
    protected Answer showBy(String leadIdentifier, String... parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("token", admin);
        query.put("lead_identifier", leadIdentifier);
        for (int i = 0; i < parameters.length; i += 2) {
            query.put(parameters[i], parameters[i + 1]);
        }
        return get("/leads/show", query);
    }

    /**
     * The catalogue's own object for an entity as a lead shows it: as {@code GET /catalogue/<kind>} lists it, but
     * without whether it is active, and a user without what only the catalogue keeps of them (units, role).
     */
    protected JsonNode catalogueEntry(String kind, String id) {
        for (JsonNode entry : get("/catalogue/" + kind, Map.of("token", admin, "include_inactive", "true",
                "records_per_page", "1000")).ok().data()) {
            if (entry.path("id").asText().equals(id)) {
                ObjectNode shown = ((ObjectNode) entry.deepCopy()).without("active");
                return kind.equals("users") ? shown.retain("id", "username", "person_name", "email") : shown;
            }
        }
        return fail("no %s with id %s in the catalogue", kind, id);
    }

    /** The history of {@code lead} read by the administrator; parameters are name, value pairs. */
    protected Answer history(JsonNode lead, String... parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("token", admin);
        query.put("lead_identifier", "number=" + lead.path("number").asText());
        for (int i = 0; i < parameters.length; i += 2) {
            query.put(parameters[i], parameters[i + 1]);
        }
        return get("/leads/history", query);
    }

    /** Every entry of the history (one page holds them all), filtered by {@code parameters}. */
    protected List<JsonNode> entries(JsonNode lead, String... parameters) {
        String[] all = new String[parameters.length + 2];
        all[0] = "records_per_page";
        all[1] = ENOUGH_FOR_A_WHOLE_HISTORY;
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        Answer answer = history(lead, all).ok();
        List<JsonNode> entries = HistoryEntries.list(answer.data());
        assertThat(answer.body().path("paging").path("total").asLong()).as("paging.total of %s", answer.body())
                .isEqualTo(entries.size());
        return entries;
    }

    /** The entries of the events after {@code version}. */
    protected List<JsonNode> entriesAfter(JsonNode lead, long version) {
        return entries(lead).stream().filter(entry -> entry.path("sequence_number").asLong() > version).toList();
    }

    /** How many entries the lead's history has, as its paging tells. */
    protected long historyTotal(JsonNode lead) {
        Answer answer = history(lead, "records_per_page", "1").ok();
        assertThat(answer.body().path("paging").path("total").isIntegralNumber()).as("paging of %s", answer.body())
                .isTrue();
        return answer.body().path("paging").path("total").asLong();
    }

    /** The sequence number of the lead's latest event, as its history tells: what its version must be. */
    protected long latestEventOf(JsonNode lead) {
        return entries(lead).stream().mapToLong(entry -> entry.path("sequence_number").asLong()).max().orElse(-1);
    }

    /**
     * Sends an update that must succeed and answers the lead; a show right after, by the same caller (who may be
     * shown less of a contact than another), must show the same lead.
     */
    protected JsonNode applied(ObjectNode request) {
        JsonNode answer = post("/leads/update", request).ok().data();
        assertThat(get("/leads/show", Map.of("token", request.path("token").asText(),
                "lead_identifier", "id=" + answer.path("id").asText()))
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
        // lead may be another caller's answer than the administrator's, who is shown more of its contacts
        assertThat(ContactIdentity.asASalesRepSees(show(admin, lead).ok().data())).as("the lead after a refused update")
                .isEqualTo(ContactIdentity.asASalesRepSees(lead));
        return answer;
    }

    /** {@code after} is {@code before} but for the named fields, its version and its log_information. */
    protected static void assertUnchangedBut(JsonNode before, JsonNode after, String... changed) {
        // who made the lead and who changed it may be shown different parts of its contacts (decision 22)
        ObjectNode expected = ContactIdentity.asASalesRepSees(before);
        ObjectNode actual = ContactIdentity.asASalesRepSees(after);
        for (ObjectNode node : List.of(expected, actual)) {
            node.remove(List.of(changed));
            node.remove(List.of("version", "log_information"));
        }
        assertThat(actual).as("the fields the update did not name").isEqualTo(expected);
    }

    /**
     * {@code actual} is {@code expected}: the same lead at the same version, compared as a sales rep is shown both,
     * because the two answers may have gone to callers who are shown different parts of its contacts (decision 22).
     */
    protected static void assertSameLead(JsonNode actual, JsonNode expected) {
        assertThat(ContactIdentity.asASalesRepSees(actual)).isEqualTo(ContactIdentity.asASalesRepSees(expected));
    }

    protected static LocalDateTime nowUtc() {
        return LocalDateTime.now(ZoneOffset.UTC);
    }

    /** A date as the API writes it; {@code LocalDateTime.toString()} drops the seconds when they are zero. */
    protected static String written(LocalDateTime date) {
        return date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    }

    /** A value of the answer: a number compared by value (a priority must be whole), or text. */
    protected static void assertShown(JsonNode lead, String field, Object expected) {
        JsonNode shown = lead.path(field);
        if (expected instanceof Number number) {
            assertThat(shown.isNumber()).as("%s is a number: %s", field, shown).isTrue();
            assertThat(shown.decimalValue()).as(field).isEqualByComparingTo(new BigDecimal(number.toString()));
            if (expected instanceof Integer && field.equals("priority")) {
                assertThat(shown.isIntegralNumber()).as("%s is a whole number: %s", field, shown).isTrue();
            }
        } else {
            assertThat(shown.isTextual()).as("%s is text: %s", field, shown).isTrue();
            assertThat(shown.asText()).as(field).isEqualTo(expected);
        }
    }

    /** A date of the answer, written as the contract says, between two moments (the service's zone is UTC). */
    protected static void assertWithin(JsonNode date, LocalDateTime from, LocalDateTime to) {
        assertThat(date.isTextual()).as("a date: %s", date).isTrue();
        assertThat(date.asText()).matches(DATE_FORMAT);
        assertThat(LocalDateTime.parse(date.asText())).isBetween(from.truncatedTo(SECONDS), to);
    }

    protected static long version(JsonNode lead) {
        assertThat(lead.path("version").isIntegralNumber()).as("version of %s", lead).isTrue();
        return lead.path("version").asLong();
    }

    /** A fresh {@code request_id} or {@code Idempotency-Key} for a safe retry (LEADS-API.md, section 10). */
    protected static String newRequestId() {
        return UUID.randomUUID().toString();
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
