package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.crm.leads.app.HistoryEntries.list;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paging of {@code leads/history} (LEADS-API.md, sections 1 and 4), and the parameters it refuses.
 */
class LeadHistoryPagingApiTest extends ApiTest {

    @Test
    void historyPagesWithPageAndRecordsPerPageAndTellsThePagingBesideData() {
        JsonNode lead = newLead(Map.of("contact_email", "p@example.com", "description", "paged"));
        applied(updateBy(supervisor, lead, "udf_string_1", "a", "udf_string_2", "b", "udf_string_3", "c"));
        List<JsonNode> all = entries(lead);
        assertThat(all).hasSizeGreaterThanOrEqualTo(10);

        List<JsonNode> pages = new ArrayList<>();
        int pageCount = (all.size() + 2) / 3;
        for (int page = 1; page <= pageCount; page++) {
            Answer answer = history(lead, "page", String.valueOf(page), "records_per_page", "3").ok();
            JsonNode paging = answer.body().path("paging");
            assertThat(paging.path("page").asInt()).isEqualTo(page);
            assertThat(paging.path("records_per_page").asInt()).isEqualTo(3);
            assertThat(paging.path("total").asLong()).isEqualTo(all.size());
            List<JsonNode> entries = list(answer.data());
            assertThat(entries).hasSize(page < pageCount ? 3 : all.size() - 3 * (pageCount - 1));
            pages.addAll(entries);
        }
        assertThat(pages).as("the pages one after another").isEqualTo(all);

        Answer beyond = history(lead, "page", String.valueOf(pageCount + 1), "records_per_page", "3").ok();
        assertThat(list(beyond.data())).isEmpty();
        assertThat(beyond.body().path("paging").path("total").asLong()).isEqualTo(all.size());

        Answer unpaged = history(lead).ok();
        assertThat(list(unpaged.data())).isEqualTo(all);
        assertThat(unpaged.body().path("paging").path("page").asInt()).isEqualTo(1);
        assertThat(unpaged.body().path("paging").path("records_per_page").asInt()).isPositive();
        assertThat(unpaged.body().path("paging").path("total").asLong()).isEqualTo(all.size());
    }

    @Test
    void historyOfALeadThatDoesNotExistIsNotFound404() {
        Answer answer = get("/leads/history", Map.of("token", admin, "lead_identifier", "number=987654321"))
                .fails("NOT_FOUND", 404);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "records_per_page, 0",
            "records_per_page, 1001",
            "records_per_page, -1",
            "records_per_page, x",
            "page, 0",
            "page, -1",
            "page, x",
            "from_date, 2024-13-01T00:00:00",
            "from_date, 2024-02-30",
            "from_date, yesterday",
            "from_date, 2024-01-01 10:00:00",
            "to_date, 2024-01-01T25:00:00",
    })
    void aHistoryParameterOutOfRangeOrBadlyWrittenIsInvalidParameterNamingIt(String parameter,
                                                                                          String value) {
        JsonNode lead = newLead();

        Answer answer = history(lead, parameter, value).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo(parameter);
    }

    @Test
    void recordsPerPage1000IsAccepted() {
        JsonNode lead = newLead();

        Answer answer = history(lead, "records_per_page", "1000").ok();

        assertThat(answer.body().path("paging").path("records_per_page").asInt()).isEqualTo(1000);
    }

    @Test
    void anUnknownHistoryParameterIsInvalidParameterNamingIt() {
        JsonNode lead = newLead();

        Answer answer = history(lead, "feild", "contact_email").fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("feild");
    }
}
