package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random JSON thrown at {@code leads/create} and {@code leads/update} on both stores: random values, types, nesting,
 * text (NUL, lone surrogates, astral characters), sizes, known and unknown parameter names. Whatever arrives, the
 * answer is an OK or a 4xx in the envelope, never a 5xx; a refused call changes nothing, and an OK answers the lead a
 * show right after shows.
 */
class RandomBodiesPropertyTest {

    private static final List<String> PARAMETERS = List.of("contact_email", "contact_phone", "description",
            "probability_to_win", "importance", "priority", "target_amount", "status_identifier",
            "lost_reason_identifier", "billing_address_identifier", "category_identifier", "owned_by_group_identifier",
            "privacy_level_identifier", "subscription_package_identifier", "lead_owner", "assigned_to", "source",
            "start_date", "expected_completion_date", "estimated_completion_time", "competitors_set", "users_set",
            "products_set", "lead_products_set", "services_set", "physical_goods_set", "subscription_packages",
            "udf_string_1", "udf_string_8", "udf_float_1", "udf_float_4", "udf_date_1", "udf_date_4", "fields_set",
            "request_id", "expected_version", "contact_information_identifier", "type_identifier",
            "accounts_receivable_identifier", "lead_identifier");

    private static final List<String> KEYS = List.of("name", "id", "number", "alternative_code", "code", "username",
            "action", "type", "time_period_value", "time_period_uot", "unit_identifier", "user_identifier",
            "competitor_identifier", "lead_product_identifier", "product_identifier", "product_type_identifier",
            "communication_identifier", "lead_competitor_identifier");

    private static final List<String> WORDS = List.of("New", "Reach", "Won", "Lost", "New Customer",
            "Filippos Constantinou", "Admin Unit", "supervisor", "MPAdministrator", "add", "remove", "ADD", "update",
            "IMPORTANCE2", "CUSTOM1", "YEARS", "MINUTES", "COMMUNICATIONS", "2030-01-01", "2030-01-01T10:00:00",
            "1899-12-31", "9999-12-31T23:59:59", "69", "127", "1000", "a@b.example", "+357 22 123456", "",
            "description,version", "number");

    private static ConfigurableApplicationContext h2;
    private static PostgresDatabase postgres;
    private static Store onH2;
    private static Store onPostgres;

    @BeforeContainer
    static void bothStores() {
        h2 = new SpringApplicationBuilder(LeadServiceApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:random-bodies;DB_CLOSE_DELAY=-1", "--logging.level.root=WARN");
        onH2 = new Store(PostgresDatabase.client(h2, "dev-password"));
        postgres = new PostgresDatabase();
        onPostgres = new Store(PostgresDatabase.client(postgres.start()));
    }

    @AfterContainer
    static void stop() {
        h2.close();
        postgres.close();
    }

    @Property(tries = 150)
    void onH2NoBodyFailsTheServiceOrIsHalfApplied(@ForAll("calls") Call call) {
        onH2.check(call);
    }

    @Property(tries = 150)
    void onPostgresNoBodyFailsTheServiceOrIsHalfApplied(@ForAll("calls") Call call) {
        onPostgres.check(call);
    }

    /**
     * A create or an update; the parameters it sends besides the valid ones, as JSON text, one of them perhaps twice;
     * and what follows the body, if anything. A body with a key twice or anything after it is never applied.
     */
    record Call(boolean create, String leadIdentifier, Map<String, String> parameters, boolean oneTwice,
                String tail) {

        boolean malformed() {
            return (oneTwice && !parameters.isEmpty()) || !tail.isBlank();
        }
    }

    @Provide
    Arbitrary<Call> calls() {
        Arbitrary<String> names = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(PARAMETERS)),
                // the parameters the service looks up in its store before anything else
                Tuple.of(2, Arbitraries.of("request_id", "lead_identifier", "description")),
                Tuple.of(1, text()));
        Arbitrary<String> tails = Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.just("")),
                Tuple.of(1, Arbitraries.of("x", "}", " 1", "{}", "  ", "\n", "[]", "\"x\"")));
        // the lead an update names is the first thing the service looks up in its store
        Arbitrary<String> leadIdentifiers = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")),
                Tuple.of(1, identifier()));
        return Combinators.combine(Arbitraries.of(true, false), leadIdentifiers,
                Arbitraries.maps(names, value(3)).ofMaxSize(5),
                Arbitraries.integers().between(0, 9).map(chance -> chance == 0), tails).as(Call::new);
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> plain = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of("null", "true", "false", "0", "-1", "1.5", "1e999", "1e-400", "-0.0",
                        "99999999999999999999999", "1" + "0".repeat(1100), "9223372036854775807")),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.doubles().map(String::valueOf)),
                Tuple.of(2, Arbitraries.of(WORDS).map(RandomBodiesPropertyTest::quoted)),
                Tuple.of(3, text().map(RandomBodiesPropertyTest::quoted)));
        if (depth == 0) {
            return plain;
        }
        Arbitrary<String> array = value(depth - 1).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        Arbitrary<String> object = Arbitraries.maps(Arbitraries.oneOf(Arbitraries.of(KEYS), text()), value(depth - 1))
                .ofMaxSize(3).map(RandomBodiesPropertyTest::object);
        Arbitrary<String> manyEntries = Arbitraries.integers().between(90, 120).map(count -> "[" + IntStream
                .range(0, count).mapToObj(i -> "{\"action\":\"add\",\"competitor_identifier\":{\"name\":\"Competitor "
                        + (i % 3 + 1) + "\"}}").collect(Collectors.joining(",")) + "]");
        return Arbitraries.frequencyOf(Tuple.of(6, plain), Tuple.of(2, array), Tuple.of(3, object),
                Tuple.of(2, identifier()), Tuple.of(1, manyEntries));
    }

    /** An identifier object, which the service looks up in its catalogue or its store. */
    private static Arbitrary<String> identifier() {
        return Combinators.combine(Arbitraries.of("number", "id", "name"), text())
                .as((key, value) -> object(Map.of(key, quoted(value))));
    }

    /** Any UTF-16 text: NUL, lone surrogates, astral characters, long or empty. */
    private static Arbitrary<String> text() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars('\0', '\uD800', '\uDC00', 'a', '\u00e9').ofMinLength(1).ofMaxLength(4),
                Arbitraries.strings().withChars('\0', '\uD800', '\uDC00', 'a', '\u00e9').ofMinLength(1).ofMaxLength(4),
                Arbitraries.of("\uD83D\uDE00", "\u4E2D\u6587", "a".repeat(300), "x".repeat(5000)));
    }

    private static String object(Map<String, String> members) {
        return members.entrySet().stream().map(member -> quoted(member.getKey()) + ":" + member.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    /** A JSON string with everything beyond ASCII escaped, so a lone surrogate travels as it is. */
    private static String quoted(String text) {
        StringBuilder written = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                written.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                written.append(String.format("\\u%04x", (int) c));
            } else {
                written.append(c);
            }
        }
        return written.append('"').toString();
    }

    /** One running service and a pending lead of its own to update. */
    private static final class Store {

        private final ServiceClient client;
        private final String token;
        private JsonNode lead;

        Store(ServiceClient client) {
            this.client = client;
            this.token = client.token();
            this.lead = client.createLead(token, Map.of());
        }

        void check(Call call) {
            if (!lead.path("life_cycle_state").asText().equals("PENDING")) {
                lead = client.createLead(token, Map.of());
            }
            ObjectNode valid = call.create() ? client.createRequest(token) : client.updateOf(token, lead);
            Map<String, String> members = new LinkedHashMap<>();
            valid.properties().forEach(member -> members.put(member.getKey(), member.getValue().toString()));
            if (!call.leadIdentifier().isEmpty()) {
                members.put("lead_identifier", call.leadIdentifier());
            }
            members.putAll(call.parameters());
            long leadsBefore = total();
            JsonNode before = client.show(token, lead).ok().data();

            String body = object(members);
            if (call.oneTwice() && !call.parameters().isEmpty()) {
                Map.Entry<String, String> twice = call.parameters().entrySet().iterator().next();
                body = body.substring(0, body.length() - 1) + "," + quoted(twice.getKey()) + ":" + twice.getValue()
                        + "}";
            }

            ServiceClient.Answer answer = client.post(call.create() ? "/leads/create" : "/leads/update",
                    body + call.tail(), "application/json");

            Statistics.collect(call.create() ? "create" : "update", answer.status() == 200 ? "OK" : "refused");
            assertThat(answer.status()).as("HTTP status of %s", answer.body()).isLessThan(500);
            JsonNode status = answer.body().path("status");
            assertThat(status.path("code").isTextual() && status.path("message").isTextual()
                    && status.path("description").isTextual()).as("the envelope of %s", answer.body()).isTrue();
            if (call.malformed()) {
                assertThat(answer.status()).as("a body not exactly one object: %s", answer.body()).isNotEqualTo(200);
            }
            if (answer.status() == 200) {
                assertThat(status.path("code").asText()).isEqualTo("OK");
                JsonNode shown = client.get("/leads/show", Map.of("token", token,
                        "lead_identifier", "id=" + answer.data().path("id").asText())).ok().data();
                assertThat(answer.data()).as("the answer against a show right after").isEqualTo(shown);
                if (answer.data().path("id").equals(lead.path("id"))) {
                    lead = shown;
                }
            } else {
                assertThat(answer.status()).isBetween(400, 499);
                assertThat(answer.body().get("data").isNull()).as("data of %s", answer.body()).isTrue();
                assertThat(client.show(token, lead).ok().data()).as("the lead after a refusal").isEqualTo(before);
                assertThat(total()).as("leads after a refusal").isEqualTo(leadsBefore);
            }
        }

        private long total() {
            return client.get("/leads/list", Map.of("token", token, "records_per_page", "1")).ok().body()
                    .path("paging").path("total").asLong();
        }
    }
}
