package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.crm.leads.app.DefaultCatalogue.ADMINISTRATOR_ID;
import static com.crm.leads.app.DefaultCatalogue.ADMIN_UNIT_ID;
import static com.crm.leads.app.DefaultCatalogue.SALES_UNIT_ID;
import static com.crm.leads.app.DefaultCatalogue.SUPERVISOR_ID;
import static com.crm.leads.app.HistoryEntries.only;
import static com.crm.leads.app.HistoryEntries.requestIds;
import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who made each change of {@code leads/history} (LEADS-API.md, section 4): the caller, the unit it signed in to,
 * the time, and the request that the change came with.
 */
class LeadHistoryAuthorsApiTest extends ApiTest {

    @Test
    void eachEntryNamesTheCallerItsUnitTheTimeAndTheRequestOfItsCall() {
        JsonNode lead = newLead();
        LocalDateTime before = nowUtc();
        JsonNode first = applied(updateBy(supervisor, lead, "contact_email", "a@example.com", "udf_string_3", "x"));
        JsonNode second = applied(updateBy(token("supervisor"), lead, "description", "again"));
        LocalDateTime after = nowUtc();

        List<JsonNode> entries = entries(lead);
        List<JsonNode> creation = entries.stream().filter(entry -> entry.path("sequence_number").asLong()
                <= version(lead)).toList();
        List<JsonNode> firstUpdate = entriesAfter(lead, version(lead)).stream().filter(entry ->
                entry.path("sequence_number").asLong() <= version(first)).toList();
        List<JsonNode> secondUpdate = entriesAfter(lead, version(first));
        assertThat(firstUpdate).hasSize(2);
        assertThat(secondUpdate).hasSize(1);

        assertThat(creation).allSatisfy(entry -> {
            assertThat(entry.path("performed_by_user").path("id").asText()).isEqualTo(ADMINISTRATOR_ID);
            assertThat(entry.path("performed_by_user").path("username").asText()).isEqualTo("MPAdministrator");
            assertThat(entry.path("performed_by_unit").path("id").asText()).isEqualTo(ADMIN_UNIT_ID);
            assertThat(entry.path("performed_date").asText())
                    .isEqualTo(lead.path("log_information").path("created_date").asText());
        });
        for (List<JsonNode> update : List.of(firstUpdate, secondUpdate)) {
            assertThat(update).allSatisfy(entry -> {
                assertThat(entry.path("performed_by_user").path("id").asText()).isEqualTo(SUPERVISOR_ID);
                assertThat(entry.path("performed_by_user").path("username").asText()).isEqualTo("supervisor");
                assertThat(entry.path("performed_by_unit").path("id").asText()).isEqualTo(ADMIN_UNIT_ID);
                assertThat(entry.path("performed_by_unit").path("name").asText()).isEqualTo("Admin Unit");
                assertThat(entry.path("performed_date").asText()).matches(DATE_FORMAT);
                assertThat(LocalDateTime.parse(entry.path("performed_date").asText()))
                        .isBetween(before.truncatedTo(SECONDS), after);
            });
        }
        assertThat(secondUpdate.get(0).path("performed_date").asText())
                .isEqualTo(second.path("log_information").path("updated_date").asText());

        Set<String> creationIds = requestIds(creation);
        Set<String> firstIds = requestIds(firstUpdate);
        Set<String> secondIds = requestIds(secondUpdate);
        assertThat(creationIds).as("one request id for all entries of the creation").hasSize(1);
        assertThat(firstIds).as("one request id for all entries of one update").hasSize(1);
        assertThat(creationIds.iterator().next()).isNotBlank();
        assertThat(firstIds.iterator().next()).isNotBlank();
        assertThat(secondIds.iterator().next()).isNotBlank();
        assertThat(List.of(creationIds.iterator().next(), firstIds.iterator().next(), secondIds.iterator().next()))
                .as("each call has its own request id").doesNotHaveDuplicates();
    }

    @Test
    void performedByUnitIsTheUnitTheCallerSignedInTo() {
        JsonNode lead = newLead();
        String inSalesUnit = post("/authentication/token", Map.of("username", "supervisor", "password",
                "dev-password", "organisation", "CRM", "unit", Map.of("name", "Sales Unit"))).ok().data()
                .path("token").asText();
        applied(updateBy(inSalesUnit, lead, "description", "from sales"));

        JsonNode entry = only(entriesAfter(lead, version(lead)));

        assertThat(entry.path("performed_by_user").path("username").asText()).isEqualTo("supervisor");
        assertThat(entry.path("performed_by_unit").path("id").asText()).isEqualTo(SALES_UNIT_ID);
        assertThat(entry.path("performed_by_unit").path("name").asText()).isEqualTo("Sales Unit");
    }
}
