package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static com.crm.leads.app.DefaultCatalogue.ADMINISTRATOR_ID;
import static com.crm.leads.app.DefaultCatalogue.SUPERVISOR_ID;
import static com.crm.leads.app.HistoryEntries.earliestDate;
import static com.crm.leads.app.HistoryEntries.latestDate;
import static com.crm.leads.app.HistoryEntries.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The filters of {@code leads/history} (LEADS-API.md, section 4): {@code field}, {@code user}, {@code from_date}
 * and {@code to_date}.
 */
class LeadHistoryFiltersApiTest extends ApiTest {

    @Test
    void fieldFiltersTheHistoryToTheChangesOfOneField() {
        JsonNode lead = newLead(Map.of("contact_email", "first@example.com"));
        applied(updateBy(supervisor, lead, "contact_email", "second@example.com", "description", "not this"));
        applied(updateBy(supervisor, lead, "description", "nor this"));

        Answer answer = history(lead, "field", "contact_email").ok();

        List<JsonNode> filtered = list(answer.data());
        assertThat(filtered).extracting(entry -> entry.path("field").asText()).containsOnly("contact_email");
        assertThat(filtered).extracting(entry -> entry.path("new_value").asText())
                .containsExactly("first@example.com", "second@example.com");
        assertThat(answer.body().path("paging").path("total").asLong()).isEqualTo(2);
    }

    @Test
    void fieldFiltersBySetsAndCreationPartsByTheirNamesInALead() {
        JsonNode lead = newLead();

        assertThat(list(history(lead, "field", "contact_information").ok().data()))
                .extracting(entry -> entry.path("event").asText() + " " + entry.path("field").asText())
                .containsExactly("LEAD_CREATED contact_information");
        assertThat(history(lead, "field", "competitors_set").ok().body().path("paging").path("total").asLong())
                .isZero();
    }

    @Test
    void aFieldFilterThatNamesNothingOfALeadMatchesNoEntry() {
        JsonNode lead = newLead(Map.of("contact_email", "first@example.com"));

        Answer answer = history(lead, "field", "no_such_field").ok();

        assertThat(list(answer.data())).isEmpty();
        assertThat(answer.body().path("paging").path("total").asLong()).isZero();
    }

    @Test
    void userFiltersTheHistoryToTheChangesOfOneUserNamedByUsernameOrId() {
        JsonNode lead = newLead();
        JsonNode updated = applied(updateBy(supervisor, lead, "contact_email", "s@example.com", "description", "s"));
        List<JsonNode> bySupervisor = entriesAfter(lead, version(lead));
        List<JsonNode> byAdministrator = entries(lead).subList(0, entries(lead).size() - bySupervisor.size());
        assertThat(bySupervisor).hasSize(2);
        assertThat(version(updated)).isEqualTo(version(lead) + 2);

        assertThat(entries(lead, "user", "supervisor")).isEqualTo(bySupervisor);
        assertThat(entries(lead, "user", SUPERVISOR_ID)).isEqualTo(bySupervisor);
        assertThat(entries(lead, "user", "MPAdministrator")).isEqualTo(byAdministrator);
        assertThat(entries(lead, "user", ADMINISTRATOR_ID)).isEqualTo(byAdministrator);
        assertThat(history(lead, "user", "supervisor").ok().body().path("paging").path("total").asLong())
                .isEqualTo(2);
    }

    @Test
    void fromDateAndToDateAroundNowKeepOrDropTheWholeHistory() {
        JsonNode lead = newLead();
        applied(updateBy(supervisor, lead, "contact_email", "dated@example.com"));
        List<JsonNode> all = entries(lead);
        LocalDateTime now = nowUtc();

        assertThat(entries(lead, "from_date", written(now.minusHours(1)), "to_date", written(now.plusHours(1))))
                .isEqualTo(all);
        assertThat(entries(lead, "from_date", written(now.minusDays(1)))).isEqualTo(all);
        assertThat(entries(lead, "to_date", written(now.plusDays(1)))).isEqualTo(all);
        assertThat(entries(lead, "from_date", written(now.plusDays(1)))).isEmpty();
        assertThat(entries(lead, "to_date", written(now.minusDays(1)))).isEmpty();
        assertThat(entries(lead, "to_date", now.minusDays(1).toLocalDate().toString()))
                .as("a bare date is accepted").isEmpty();
        assertThat(history(lead, "from_date", written(now.plusDays(1))).ok().body().path("paging").path("total")
                .asLong()).isZero();
    }

    @Test
    void fromDateAndToDateSplitTheHistoryBetweenTwoCalls() throws InterruptedException {
        JsonNode lead = newLead();
        Thread.sleep(1100); // the update is in a later second than the creation
        applied(updateBy(supervisor, lead, "contact_email", "later@example.com"));
        List<JsonNode> all = entries(lead);
        List<JsonNode> creation = all.stream().filter(e -> e.path("sequence_number").asLong() <= version(lead))
                .toList();
        List<JsonNode> update = entriesAfter(lead, version(lead));
        LocalDateTime createdAt = latestDate(creation);
        LocalDateTime updatedAt = earliestDate(update);
        assertThat(updatedAt).isAfter(createdAt);

        assertThat(entries(lead, "from_date", written(updatedAt))).as("from the update's second").isEqualTo(update);
        assertThat(entries(lead, "to_date", written(createdAt))).as("to the creation's second").isEqualTo(creation);
        assertThat(entries(lead, "from_date", written(createdAt), "to_date", written(updatedAt)))
                .as("from the creation's second to the update's").isEqualTo(all);
    }

    @Test
    void aPeriodFromAndToTheSecondShownAsPerformedDateIncludesTheChangesOfThatSecond() {
        JsonNode lead = newLead();
        List<JsonNode> creation = entries(lead);
        String createdAt = lead.path("log_information").path("created_date").asText();

        List<JsonNode> inThatSecond = entries(lead, "from_date", createdAt, "to_date", createdAt);

        assertThat(inThatSecond).as("history from_date=to_date=%s, the performed_date of every entry", createdAt)
                .isEqualTo(creation);
    }
}
