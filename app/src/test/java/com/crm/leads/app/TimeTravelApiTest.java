package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static com.crm.leads.app.HistoryEntries.earliestDate;
import static com.crm.leads.app.HistoryEntries.latestDate;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Time travel (LEADS-API.md, sections 4 and 10): {@code leads/show} with {@code as_of_version} or
 * {@code as_of_date} shows the lead as it stood then.
 */
class TimeTravelApiTest extends ApiTest {

    @Test
    void asOfVersionShowsTheLeadExactlyAsTheCallThatProducedThatVersionAnswered() {
        JsonNode created = newLead();
        JsonNode first = applied(updateBy(supervisor, created, "contact_email", "v1@example.com", "priority", 2));
        JsonNode second = applied(updateBy(admin, created, "competitors_set", List.of(
                        Map.of("action", "add", "competitor_identifier", Map.of("name", "MagnaQuest"))),
                "udf_string_3", "v2", "category_identifier", Map.of("code", "SP"), "contact_email", null));
        JsonNode third = applied(updateBy(supervisor, created, "status_identifier", Map.of("name", "Qualified"),
                "description", "v3", "udf_date_2", "2022-03-04"));

        for (JsonNode answered : List.of(created, first, second, third)) {
            assertSameLead(asOf(created, "as_of_version", String.valueOf(version(answered))).ok().data(), answered);
        }
    }

    @Test
    void asOfVersion0IsTheLeadRightAfterItsCreationEvent() {
        JsonNode created = newLead(Map.of("contact_email", "later@example.com"));
        applied(updateBy(supervisor, created, "description", "later"));

        JsonNode atZero = asOf(created, "as_of_version", "0").ok().data();

        assertThat(atZero.path("version").asLong()).isZero();
        assertThat(atZero.path("id").asText()).isEqualTo(created.path("id").asText());
        assertThat(atZero.path("number").asText()).isEqualTo(created.path("number").asText());
        assertThat(atZero.path("status")).isEqualTo(created.path("status"));
        assertThat(atZero.path("type")).isEqualTo(created.path("type"));
        assertThat(atZero.path("contact_information")).isEqualTo(created.path("contact_information"));
        assertThat(atZero.path("log_information").path("created_date"))
                .isEqualTo(created.path("log_information").path("created_date"));
        for (String later : List.of("importance", "priority", "contact_email", "description")) {
            assertThat(atZero.get(later)).as("%s, set by a later event", later).isNotNull();
            assertThat(atZero.get(later).isNull()).as("%s at version 0: %s", later, atZero.get(later)).isTrue();
        }
    }

    @Test
    void asOfDateBetweenTwoUpdatesShowsTheLeadAsTheFirstLeftIt() throws InterruptedException {
        JsonNode created = newLead();
        JsonNode first = applied(updateBy(supervisor, created, "contact_email", "first@example.com"));
        Thread.sleep(1100); // the second update is at least a second after the first
        JsonNode second = applied(updateBy(supervisor, created, "contact_email", "second@example.com",
                "description", "second"));
        LocalDateTime firstAt = latestDate(entriesAfter(created, version(created)).stream()
                .filter(entry -> entry.path("sequence_number").asLong() <= version(first)).toList());
        LocalDateTime secondAt = earliestDate(entriesAfter(created, version(first)));
        // a date names all of its second: the second of the first update's last event, which the second's follow
        assertThat(secondAt).isAfter(firstAt);

        assertSameLead(asOf(created, "as_of_date", written(firstAt)).ok().data(), first);
        assertSameLead(asOf(created, "as_of_date", written(nowUtc().plusDays(1))).ok().data(), second);
    }

    @Test
    void asOfDateEqualToTheCreatedDateTheLeadShowsIsTheLeadAsCreated() {
        JsonNode created = newLead();
        applied(updateBy(supervisor, created, "description", "later"));
        String createdAt = created.path("log_information").path("created_date").asText();

        Answer answer = asOf(created, "as_of_date", createdAt);

        assertThat(answer.code()).as("show as_of_date=%s, the lead's own created_date: %s", createdAt, answer.body())
                .isEqualTo("OK");
        assertThat(answer.data().path("number").asText()).isEqualTo(created.path("number").asText());
        assertThat(answer.data().path("log_information").path("created_date").asText()).isEqualTo(createdAt);
    }

    @ParameterizedTest(name = "as_of_date={0}")
    @ValueSource(strings = {"2000-01-01T00:00:00", "2000-01-01"})
    void asOfDateBeforeTheLeadExistedIsNotFound404(String date) {
        JsonNode lead = newLead();

        asOf(lead, "as_of_date", date).fails("NOT_FOUND", 404);
    }

    @Test
    void asOfVersionBeyondTheCurrentVersionIsNotFound404() {
        JsonNode lead = newLead();

        asOf(lead, "as_of_version", String.valueOf(version(lead) + 1)).fails("NOT_FOUND", 404);
        assertThat(asOf(lead, "as_of_version", String.valueOf(version(lead))).ok().data()).isEqualTo(lead);
    }

    @Test
    void asOfOfALeadThatDoesNotExistIsNotFound404NamingLeadIdentifier() {
        Answer answer = get("/leads/show", Map.of("token", admin, "lead_identifier", "number=987654321",
                "as_of_version", "0")).fails("NOT_FOUND", 404);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void asOfVersionAndAsOfDateTogetherAreInvalidParameter() {
        JsonNode lead = newLead();

        get("/leads/show", Map.of("token", admin, "lead_identifier", "number=" + lead.path("number").asText(),
                "as_of_version", "0", "as_of_date", written(nowUtc()))).fails("INVALID_PARAMETER", 400);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "as_of_version, -1",
            "as_of_version, x",
            "as_of_version, 1.5",
            "as_of_date, 2024-02-30T00:00:00",
            "as_of_date, now",
    })
    void aBadlyWrittenAsOfParameterIsInvalidParameterNamingIt(String parameter, String value) {
        JsonNode lead = newLead();

        Answer answer = asOf(lead, parameter, value).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo(parameter);
    }

    private Answer asOf(JsonNode lead, String parameter, String value) {
        return showBy("number=" + lead.path("number").asText(), parameter, value);
    }
}
