package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM.COM page's two examples, sent as written (with a real token) to the service as it starts: the request
 * bodies are under {@code src/test/resources/examples/}, to replay with curl. No other test touches leads 69 and 127.
 */
class ExamplesApiTest extends ApiTest {

    private ObjectNode example(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/examples/" + name)) {
            ObjectNode body = (ObjectNode) json.readTree(in);
            return body.put("token", token());
        }
    }

    private static List<String> names(JsonNode rows, String member, String field) {
        return StreamSupport.stream(rows.spliterator(), false)
                .map(row -> row.path(member).path(field).asText())
                .toList();
    }

    @Test
    void example1WinsLead69WithCompetitor2InsteadOfCompetitor1() throws IOException {
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);

        JsonNode lead = post("/leads/update", example("example-1-request.json")).ok().data();

        assertThat(lead.path("number").asText()).isEqualTo("69");
        assertThat(lead.path("status").path("name").asText()).isEqualTo("Won");
        assertThat(lead.path("life_cycle_state").asText()).isEqualTo("WON");
        assertThat(LocalDateTime.parse(lead.path("actual_completion_date").asText())).isAfterOrEqualTo(before);
        assertThat(names(lead.path("competitors_set"), "competitor", "name"))
                .containsExactly("Competitor 4", "Competitor 2");
        assertThat(lead.path("competitors_set").findValuesAsText("id")).allMatch(id -> id.matches("[0-9A-F]{32}"));
        assertThat(names(lead.path("users_set"), "user", "username")).containsExactly("mariosmtest", "supervisor");
        assertThat(lead.path("time_to_completion").path("time_period_value").isNull()).isTrue();
        assertThat(lead.path("time_overdue").path("time_period_value").isNull()).isTrue();
    }

    @Test
    void example2MovesLead127ToReachWithItsNewProductsAndMagnaQuest() throws IOException {
        JsonNode lead = post("/leads/update", example("example-2-request.json")).ok().data();

        assertThat(lead.path("number").asText()).isEqualTo("127");
        assertThat(lead.path("status").path("name").asText()).isEqualTo("Reach");
        assertThat(lead.path("status").path("alternative_code").asText()).isEqualTo("RCH");
        assertThat(lead.path("life_cycle_state").asText()).isEqualTo("PENDING");
        JsonNode products = lead.path("products_set");
        assertThat(products).hasSize(4);
        assertThat(names(products, "product", "code")).containsOnlyOnce("123");
        assertThat(names(products, "product_type", "name")).containsOnlyOnce("Additional Services");
        assertThat(names(products, "product_brand", "name")).containsOnlyOnce("Corso Shoes");
        assertThat(names(products, "product_family", "name")).containsOnlyOnce("Channels");
        assertThat(names(lead.path("competitors_set"), "competitor", "name")).containsExactly("MagnaQuest");
        assertThat(lead.path("subscription_package").path("name").asText()).isEqualTo("Simple Package");
        assertThat(lead.path("lead_source").path("type").asText()).isEqualTo("CUSTOM2");
        assertThat(lead.path("estimated_completion_time").path("time_period_uot").asText()).isEqualTo("MONTHS");
        assertThat(lead.path("expected_completion_date").asText()).isEqualTo("2018-02-22T10:02:58");
    }
}
