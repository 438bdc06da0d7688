package com.crm.leads.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an event-sourced lead service gives beyond CRM.COM, spoken to over HTTP as LEADS-API.md describes it:
 * the audit trail ({@code leads/history}, section 4), time travel ({@code leads/show} with {@code as_of_version} or
 * {@code as_of_date}), the version as ETag with {@code If-Match} and {@code expected_version} (section 7) and safe
 * retries with {@code request_id} or {@code Idempotency-Key} (section 10). Every test makes its own leads; the seed
 * leads 69 and 127 are left alone.
 */
class AuditAndRetryApiTest extends ApiTest {

    private static final String NEW_ID = "E01AC0CCF9884F819C1AFBF0DA5DCB8A";
    private static final String QUALIFIED_ID = "6E3DC75805074DAF9B8C5D2867CFEB77";
    private static final String LOST_ID = "B8E7770B9F6143AE845B8032197BE87D";
    private static final String PRICE_ID = "77AB10A1BC854E68B97989BBA3DB066A";
    private static final String FILIPPOS_ID = "829CA6CAFFAB434C9E1B3FB72BE3DAB1";
    private static final String SOFTWARE_PURCHASE_CATEGORY_ID = "C60F332D0B4CB8DD22A0159413951434";
    private static final String MAGNAQUEST_ID = "640A12797E964BFC99F8AF0EA538EEEA";
    private static final String COMPETITOR_1_ID = "C671ED66046243565DE5B6B4A1AB5835";
    private static final String ADMIN_UNIT_ID = "48305F8849E3C18B227C5BE3A27BA6DF";
    private static final String SALES_UNIT_ID = "5A54B615CB2A4B218A68259053A555FB";
    private static final String ADMINISTRATOR_ID = "1";
    private static final String SUPERVISOR_ID = "018CA08BC267612F6206D85011FFC5D1";

    /** Dates as the service reads and writes them: {@code yyyy-MM-dd'T'HH:mm:ss}, no zone (the service's is UTC). */
    private static final DateTimeFormatter WRITTEN = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final String DATE_FORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

    /** Enough records per page for the whole history of any lead these tests make. */
    private static final String ALL = "1000";


    // ============================================================================================== leads/history

    @Test
    void historyBeginsWithTheCreationAsLeadCreatedEntriesThenOneFieldChangedPerInitialValue() {
        JsonNode lead = newLead(Map.of("contact_email", "first@example.com"));

        List<JsonNode> entries = entries(lead);

        List<JsonNode> created = entries.subList(0, 4);
        assertThat(created).extracting(entry -> entry.path("event").asText()).containsOnly("LEAD_CREATED");
        assertThat(created).extracting(entry -> entry.path("sequence_number").asLong()).containsOnly(0L);
        assertThat(created).extracting(entry -> entry.path("field").asText())
                .containsExactlyInAnyOrder("number", "type", "contact_information", "status");
        assertThat(created).allSatisfy(entry -> assertThat(entry.path("old_value").isNull())
                .as("old_value of %s", entry).isTrue());
        assertThat(entryOf(created, "number").path("new_value"))
                .isEqualTo(json.getNodeFactory().textNode(lead.path("number").asText()));
        assertReference(entryOf(created, "type").path("new_value"), lead.path("type").path("id").asText(),
                "New Customer");
        assertReference(entryOf(created, "contact_information").path("new_value"), FILIPPOS_ID,
                "Filippos Constantinou");
        assertReference(entryOf(created, "status").path("new_value"), NEW_ID, "New");

        List<JsonNode> initialValues = entries.subList(4, entries.size());
        assertThat(initialValues).extracting(entry -> entry.path("event").asText()).containsOnly("FIELD_CHANGED");
        assertThat(initialValues).extracting(entry -> entry.path("field").asText())
                .containsExactlyInAnyOrder("importance", "priority", "contact_email");
        assertThat(initialValues).allSatisfy(entry -> assertThat(entry.path("old_value").isNull())
                .as("old_value of an initial value %s", entry).isTrue());
        assertValue(entryOf(initialValues, "importance").path("new_value"), "IMPORTANCE3");
        assertValue(entryOf(initialValues, "priority").path("new_value"), 4);
        assertValue(entryOf(initialValues, "contact_email").path("new_value"), "first@example.com");
        assertThat(initialValues).extracting(entry -> entry.path("sequence_number").asLong())
                .as("one event per initial value, after the creation").containsExactly(1L, 2L, 3L);
        assertThat(entries.get(entries.size() - 1).path("sequence_number").asLong())
                .as("the last entry is the lead's version").isEqualTo(version(lead));
    }

    @Test
    void historyListsTheChangesOldestFirst() {
        JsonNode lead = newLead();
        applied(change(supervisor, lead, "contact_email", "one@example.com"));
        applied(change(supervisor, lead, "description", "two"));
        JsonNode last = applied(change(supervisor, lead, "contact_email", "three@example.com"));

        List<JsonNode> entries = entries(lead);

        assertThat(entries).extracting(entry -> entry.path("sequence_number").asLong()).isSorted();
        assertThat(entries).extracting(entry -> LocalDateTime.parse(entry.path("performed_date").asText())).isSorted();
        assertThat(entries.subList(entries.size() - 3, entries.size()))
                .extracting(entry -> entry.path("field").asText() + "=" + entry.path("new_value").asText())
                .containsExactly("contact_email=one@example.com", "description=two",
                        "contact_email=three@example.com");
        assertThat(entries.get(entries.size() - 1).path("sequence_number").asLong()).isEqualTo(version(last));
    }

    @Test
    void anUpdateRecordsEachChangedFieldWithItsOldAndNewValueAsPlainJson() {
        JsonNode lead = newLead(Map.of(
                "contact_email", "old@example.com",
                "target_amount", 10,
                "udf_string_3", "before",
                "udf_date_2", "2020-01-01T10:20:30",
                "category_identifier", Map.of("code", "NC"),
                "start_date", "2021-01-01T00:00:00",
                "estimated_completion_time", Map.of("time_period_value", 2, "time_period_uot", "WEEKS")));
        JsonNode updated = applied(change(supervisor, lead,
                "contact_email", "new@example.com",
                "target_amount", 12.5,
                "priority", 2,
                "udf_string_3", "after",
                "udf_date_2", "2021-02-03",
                "category_identifier", Map.of("code", "SP"),
                "estimated_completion_time", Map.of("time_period_value", 3, "time_period_uot", "MONTHS")));

        List<JsonNode> changes = entriesAfter(lead, version(lead));

        assertThat(changes).extracting(entry -> entry.path("event").asText()).containsOnly("FIELD_CHANGED");
        assertThat(changes).extracting(entry -> entry.path("field").asText()).contains("contact_email",
                "target_amount", "priority", "udf_string_3", "udf_date_2", "category", "estimated_completion_time");
        assertChange(entryOf(changes, "contact_email"), "old@example.com", "new@example.com");
        assertChange(entryOf(changes, "target_amount"), 10, 12.5);
        assertChange(entryOf(changes, "priority"), 4, 2);
        assertThat(entryOf(changes, "priority").path("new_value").isIntegralNumber())
                .as("a whole number stays whole: %s", entryOf(changes, "priority")).isTrue();
        assertChange(entryOf(changes, "udf_string_3"), "before", "after");
        assertChange(entryOf(changes, "udf_date_2"), "2020-01-01T10:20:30", "2021-02-03T00:00:00");
        JsonNode category = entryOf(changes, "category");
        assertReference(category.path("old_value"), lead.path("category").path("id").asText(), "New Customer");
        assertReference(category.path("new_value"), SOFTWARE_PURCHASE_CATEGORY_ID, "Software Purchase");
        JsonNode estimate = entryOf(changes, "estimated_completion_time");
        assertThat(estimate.path("old_value")).isEqualTo(json.valueToTree(
                Map.of("time_period_value", 2, "time_period_uot", "WEEKS")));
        assertThat(estimate.path("new_value")).isEqualTo(json.valueToTree(
                Map.of("time_period_value", 3, "time_period_uot", "MONTHS")));
        assertThat(changes.get(changes.size() - 1).path("sequence_number").asLong()).isEqualTo(version(updated));
    }

    @Test
    void aClearedFieldIsRecordedWithTheNewValueNull() {
        JsonNode lead = newLead(Map.of("contact_email", "gone@example.com"));
        applied(change(supervisor, lead, "contact_email", null));

        JsonNode cleared = only(entriesAfter(lead, version(lead)));

        assertThat(cleared.path("event").asText()).isEqualTo("FIELD_CHANGED");
        assertThat(cleared.path("field").asText()).isEqualTo("contact_email");
        assertValue(cleared.path("old_value"), "gone@example.com");
        assertThat(cleared.get("new_value")).as("new_value is present and null: %s", cleared).isNotNull();
        assertThat(cleared.get("new_value").isNull()).as("new_value of %s", cleared).isTrue();
    }

    @Test
    void aStatusMoveIsStatusChangedAndAMoveToLostRecordsItsLostReasonInTheSameEvent() {
        JsonNode lead = newLead();
        JsonNode qualified = applied(change(supervisor, lead, "status_identifier", Map.of("name", "Qualified")));
        JsonNode lost = applied(change(supervisor, lead, "status_identifier", Map.of("name", "Lost"),
                "lost_reason_identifier", Map.of("name", "Price")));

        JsonNode toQualified = only(entriesAfter(lead, version(lead)).stream()
                .filter(entry -> entry.path("sequence_number").asLong() == version(qualified)).toList());
        assertThat(toQualified.path("event").asText()).isEqualTo("STATUS_CHANGED");
        assertThat(toQualified.path("field").asText()).isEqualTo("status");
        assertReference(toQualified.path("old_value"), NEW_ID, "New");
        assertReference(toQualified.path("new_value"), QUALIFIED_ID, "Qualified");

        List<JsonNode> toLost = entriesAfter(lead, version(qualified));
        assertThat(toLost).extracting(entry -> entry.path("event").asText()).containsOnly("STATUS_CHANGED");
        assertThat(toLost).extracting(entry -> entry.path("sequence_number").asLong()).containsOnly(version(lost));
        assertThat(toLost).extracting(entry -> entry.path("field").asText())
                .containsExactlyInAnyOrder("status", "lost_reason");
        assertReference(entryOf(toLost, "status").path("old_value"), QUALIFIED_ID, "Qualified");
        assertReference(entryOf(toLost, "status").path("new_value"), LOST_ID, "Lost");
        assertThat(entryOf(toLost, "lost_reason").path("old_value").isNull()).isTrue();
        assertReference(entryOf(toLost, "lost_reason").path("new_value"), PRICE_ID, "Price");
    }

    @Test
    void setChangesAreCompetitorAddedAndCompetitorRemovedEntriesOfCompetitorsSet() {
        JsonNode lead = newLead();
        JsonNode withTwo = applied(change(supervisor, lead, "competitors_set", List.of(
                Map.of("action", "add", "competitor_identifier", Map.of("name", "MagnaQuest")),
                Map.of("action", "add", "competitor_identifier", Map.of("id", COMPETITOR_1_ID)))));
        String magnaQuestRow = rowOf(withTwo, MAGNAQUEST_ID);
        String competitor1Row = rowOf(withTwo, COMPETITOR_1_ID);
        applied(change(supervisor, lead, "competitors_set", List.of(Map.of("action", "remove",
                "lead_competitor_identifier", Map.of("competitor_identifier", Map.of("name", "MagnaQuest"))))));

        List<JsonNode> changes = entriesAfter(lead, version(lead));

        assertThat(changes).extracting(entry -> entry.path("event").asText())
                .containsExactly("COMPETITOR_ADDED", "COMPETITOR_ADDED", "COMPETITOR_REMOVED");
        assertThat(changes).extracting(entry -> entry.path("field").asText()).containsOnly("competitors_set");
        assertThat(changes.get(0).path("old_value").isNull()).as("old_value of %s", changes.get(0)).isTrue();
        assertThat(changes.get(0).path("new_value").toString()).contains(magnaQuestRow, MAGNAQUEST_ID, "MagnaQuest");
        assertThat(changes.get(1).path("old_value").isNull()).as("old_value of %s", changes.get(1)).isTrue();
        assertThat(changes.get(1).path("new_value").toString()).contains(competitor1Row, COMPETITOR_1_ID);
        assertThat(changes.get(2).path("old_value").toString()).contains(magnaQuestRow, MAGNAQUEST_ID, "MagnaQuest");
        assertThat(changes.get(2).path("new_value").isNull()).as("new_value of %s", changes.get(2)).isTrue();
    }

    @Test
    void eachEntryNamesTheCallerItsUnitTheTimeAndTheRequestOfItsCall() {
        JsonNode lead = newLead();
        LocalDateTime before = nowUtc();
        JsonNode first = applied(change(supervisor, lead, "contact_email", "a@example.com", "udf_string_3", "x"));
        JsonNode second = applied(change(token("supervisor"), lead, "description", "again"));
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
        applied(change(inSalesUnit, lead, "description", "from sales"));

        JsonNode entry = only(entriesAfter(lead, version(lead)));

        assertThat(entry.path("performed_by_user").path("username").asText()).isEqualTo("supervisor");
        assertThat(entry.path("performed_by_unit").path("id").asText()).isEqualTo(SALES_UNIT_ID);
        assertThat(entry.path("performed_by_unit").path("name").asText()).isEqualTo("Sales Unit");
    }

    @Test
    void fieldFiltersTheHistoryToTheChangesOfOneField() {
        JsonNode lead = newLead(Map.of("contact_email", "first@example.com"));
        applied(change(supervisor, lead, "contact_email", "second@example.com", "description", "not this"));
        applied(change(supervisor, lead, "description", "nor this"));

        Answer answer = history(lead, "field", "contact_email").ok();

        List<JsonNode> filtered = list(answer.data());
        assertThat(filtered).extracting(entry -> entry.path("field").asText()).containsOnly("contact_email");
        assertThat(filtered).extracting(entry -> entry.path("new_value").asText())
                .containsExactly("first@example.com", "second@example.com");
        assertThat(answer.body().path("paging").path("total").asLong()).isEqualTo(2);
    }

    @Test
    void userFiltersTheHistoryToTheChangesOfOneUserNamedByUsernameOrId() {
        JsonNode lead = newLead();
        JsonNode updated = applied(change(supervisor, lead, "contact_email", "s@example.com", "description", "s"));
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
        applied(change(supervisor, lead, "contact_email", "dated@example.com"));
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
        applied(change(supervisor, lead, "contact_email", "later@example.com"));
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

    @Test
    void historyPagesWithPageAndRecordsPerPageAndTellsThePagingBesideData() {
        JsonNode lead = newLead(Map.of("contact_email", "p@example.com", "description", "paged"));
        applied(change(supervisor, lead, "udf_string_1", "a", "udf_string_2", "b", "udf_string_3", "c"));
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

    // ================================================================================================ time travel

    @Test
    void asOfVersionShowsTheLeadExactlyAsTheCallThatProducedThatVersionAnswered() {
        JsonNode created = newLead();
        JsonNode first = applied(change(supervisor, created, "contact_email", "v1@example.com", "priority", 2));
        JsonNode second = applied(change(admin, created, "competitors_set", List.of(
                        Map.of("action", "add", "competitor_identifier", Map.of("name", "MagnaQuest"))),
                "udf_string_3", "v2", "category_identifier", Map.of("code", "SP"), "contact_email", null));
        JsonNode third = applied(change(supervisor, created, "status_identifier", Map.of("name", "Qualified"),
                "description", "v3", "udf_date_2", "2022-03-04"));

        for (JsonNode answered : List.of(created, first, second, third)) {
            assertThat(asOf(created, "as_of_version", String.valueOf(version(answered))).ok().data())
                    .as("as_of_version=%s", version(answered)).isEqualTo(answered);
        }
    }

    @Test
    void asOfVersion0IsTheLeadRightAfterItsCreationEvent() {
        JsonNode created = newLead(Map.of("contact_email", "later@example.com"));
        applied(change(supervisor, created, "description", "later"));

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
        JsonNode first = applied(change(supervisor, created, "contact_email", "first@example.com"));
        Thread.sleep(1100); // the second update is at least a second after the first
        JsonNode second = applied(change(supervisor, created, "contact_email", "second@example.com",
                "description", "second"));
        LocalDateTime firstAt = latestDate(entriesAfter(created, version(created)).stream()
                .filter(entry -> entry.path("sequence_number").asLong() <= version(first)).toList());
        LocalDateTime secondAt = earliestDate(entriesAfter(created, version(first)));
        // a date names all of its second: the second of the first update's last event, which the second's follow
        assertThat(secondAt).isAfter(firstAt);

        assertThat(asOf(created, "as_of_date", written(firstAt)).ok().data()).isEqualTo(first);
        assertThat(asOf(created, "as_of_date", written(nowUtc().plusDays(1))).ok().data())
                .as("a date after the last change").isEqualTo(second);
    }

    @Test
    void asOfDateEqualToTheCreatedDateTheLeadShowsIsTheLeadAsCreated() {
        JsonNode created = newLead();
        applied(change(supervisor, created, "description", "later"));
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

    // ==================================================================================== ETag, If-Match, version

    @Test
    void showAndUpdateAnswersCarryTheVersionAsAStrongQuotedETag() {
        JsonNode lead = newLead();

        Answer shown = show(admin, lead).ok();
        assertThat(eTag(shown)).isEqualTo("\"" + version(shown.data()) + "\"");

        Answer updated = update(change(supervisor, lead, "description", "tagged")).ok();
        assertThat(version(updated.data())).isGreaterThan(version(lead));
        assertThat(eTag(updated)).isEqualTo("\"" + version(updated.data()) + "\"");
        assertThat(eTag(show(admin, lead).ok())).isEqualTo(eTag(updated));
    }

    @Test
    void anUpdateWithIfMatchOfTheCurrentVersionIsApplied() {
        JsonNode lead = newLead();
        String current = eTag(show(admin, lead).ok());

        Answer answer = update(change(supervisor, lead, "description", "matched"), "If-Match", current).ok();

        assertThat(answer.data().path("description").asText()).isEqualTo("matched");
        assertThat(version(answer.data())).isEqualTo(version(lead) + 1);
        assertThat(show(admin, lead).ok().data()).isEqualTo(answer.data());
    }

    @Test
    void anUpdateWithAStaleIfMatchIsVersionConflict409AndChangesNothing() {
        JsonNode lead = newLead();
        String stale = eTag(show(admin, lead).ok());
        JsonNode current = applied(change(admin, lead, "description", "someone else's"));
        long entries = historyTotal(lead);

        update(change(supervisor, lead, "contact_email", "late@example.com"), "If-Match", stale)
                .fails("VERSION_CONFLICT", 409);

        assertThat(show(admin, lead).ok().data()).isEqualTo(current);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void anUpdateWithExpectedVersionOfTheCurrentVersionIsApplied() {
        JsonNode lead = newLead();

        JsonNode updated = applied(change(supervisor, lead, "description", "expected",
                "expected_version", version(lead)));

        assertThat(updated.path("description").asText()).isEqualTo("expected");
        assertThat(version(updated)).isEqualTo(version(lead) + 1);
    }

    @ParameterizedTest(name = "expected_version = version {0}")
    @ValueSource(ints = {-1, 1, 100})
    void anUpdateWithAnotherExpectedVersionIsVersionConflict409AndChangesNothing(int offset) {
        JsonNode lead = newLead();
        JsonNode current = applied(change(admin, lead, "description", "moved on"));
        long entries = historyTotal(lead);

        update(change(supervisor, lead, "contact_email", "late@example.com",
                "expected_version", version(current) + offset)).fails("VERSION_CONFLICT", 409);

        assertThat(show(admin, lead).ok().data()).isEqualTo(current);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void expectedVersionAndIfMatchNamingTheSameVersionAreApplied() {
        JsonNode lead = newLead();

        Answer answer = update(change(supervisor, lead, "description", "both", "expected_version", version(lead)),
                "If-Match", "\"" + version(lead) + "\"").ok();

        assertThat(answer.data().path("description").asText()).isEqualTo("both");
    }

    @Test
    void expectedVersionAndIfMatchThatDisagreeAreInvalidParameterAndChangeNothing() {
        JsonNode lead = newLead();
        JsonNode current = applied(change(admin, lead, "description", "v"));
        long entries = historyTotal(lead);

        update(change(supervisor, lead, "contact_email", "x@example.com", "expected_version", version(current)),
                "If-Match", "\"" + version(lead) + "\"").fails("INVALID_PARAMETER", 400);
        update(change(supervisor, lead, "contact_email", "x@example.com", "expected_version", version(lead)),
                "If-Match", "\"" + version(current) + "\"").fails("INVALID_PARAMETER", 400);

        assertThat(show(admin, lead).ok().data()).isEqualTo(current);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void ifMatchStarSetsNoVersionConstraint() {
        JsonNode lead = newLead();
        applied(change(admin, lead, "description", "moved on"));

        Answer answer = update(change(supervisor, lead, "contact_email", "star@example.com"), "If-Match", "*").ok();

        assertThat(answer.data().path("contact_email").asText()).isEqualTo("star@example.com");
        assertThat(show(admin, lead).ok().data()).isEqualTo(answer.data());
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"W/\"%d\"", "\"abc\"", "abc", "\"%d"})
    void aWeakOrMalformedIfMatchIsInvalidParameterAndChangesNothing(String pattern) {
        JsonNode lead = newLead();
        long entries = historyTotal(lead);

        update(change(supervisor, lead, "description", "tagged"), "If-Match", pattern.formatted(version(lead)))
                .fails("INVALID_PARAMETER", 400);

        assertThat(show(admin, lead).ok().data()).isEqualTo(lead);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    // ============================================================================================== safe retries

    @Test
    void anUpdateSentTwiceWithTheSameRequestIdIsAppliedOnceAndAnsweredTheSameTwice() {
        JsonNode lead = newLead();
        ObjectNode request = change(supervisor, lead, "description", "once", "udf_string_3", "only once");
        request.put("request_id", newRequestId());

        JsonNode first = update(request).ok().data();
        long entries = historyTotal(lead);
        JsonNode retried = update(request).ok().data();

        assertThat(retried).isEqualTo(first);
        assertThat(version(first)).isEqualTo(version(lead) + 2);
        assertThat(show(admin, lead).ok().data()).isEqualTo(first);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void anUpdateRetriedWithTheSameIdempotencyKeyAndANewTokenIsAppliedOnce() {
        JsonNode lead = newLead();
        String key = newRequestId();

        JsonNode first = update(change(supervisor, lead, "description", "keyed"), "Idempotency-Key", key)
                .ok().data();
        long entries = historyTotal(lead);
        Answer retried = update(change(token("supervisor"), lead, "description", "keyed"), "Idempotency-Key", key)
                .ok();

        assertThat(retried.data()).isEqualTo(first);
        assertThat(show(admin, lead).ok().data()).isEqualTo(first);
        assertThat(historyTotal(lead)).isEqualTo(entries);
        assertThat(requestIds(entriesAfter(lead, version(lead)))).containsExactly(key);
    }

    @Test
    void aRetryWithRequestIdInTheBodyOfACallFirstSentWithIdempotencyKeyIsTheSameRequest() {
        JsonNode lead = newLead();
        String id = newRequestId();
        JsonNode first = update(change(supervisor, lead, "description", "either way"), "Idempotency-Key", id)
                .ok().data();
        long entries = historyTotal(lead);

        ObjectNode retry = change(supervisor, lead, "description", "either way");
        retry.put("request_id", id);
        assertThat(update(retry).ok().data()).isEqualTo(first);

        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void theSameRequestIdWithADifferentBodyIsInvalidParameterNamingRequestIdAndChangesNothing() {
        JsonNode lead = newLead();
        String id = newRequestId();
        ObjectNode request = change(supervisor, lead, "description", "first body");
        request.put("request_id", id);
        JsonNode first = update(request).ok().data();
        long entries = historyTotal(lead);

        ObjectNode other = change(supervisor, lead, "description", "another body");
        other.put("request_id", id);
        Answer answer = update(other).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("request_id");
        assertThat(show(admin, lead).ok().data()).isEqualTo(first);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void requestIdAndADifferentIdempotencyKeyAreInvalidParameterNamingRequestIdAndChangeNothing() {
        JsonNode lead = newLead();
        long entries = historyTotal(lead);
        ObjectNode request = change(supervisor, lead, "description", "two ids");
        request.put("request_id", newRequestId());

        Answer answer = update(request, "Idempotency-Key", newRequestId()).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("request_id");
        assertThat(show(admin, lead).ok().data()).isEqualTo(lead);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void aCreateSentTwiceWithTheSameRequestIdCreatesOneLeadAndTakesOneNumber() {
        ObjectNode request = createRequest(admin);
        request.put("request_id", newRequestId());

        JsonNode first = post("/leads/create", request).ok().data();
        JsonNode retried = post("/leads/create", request).ok().data();
        JsonNode next = createLead(admin, Map.of());

        assertThat(retried.path("id").asText()).isEqualTo(first.path("id").asText());
        assertThat(retried.path("number").asText()).isEqualTo(first.path("number").asText());
        assertThat(retried).isEqualTo(first);
        assertThat(new BigDecimal(next.path("number").asText()))
                .as("the next lead's number follows the first's: the retry took none")
                .isEqualTo(new BigDecimal(first.path("number").asText()).add(BigDecimal.ONE));
        assertThat(show(admin, first).ok().data()).isEqualTo(first);
    }

    @Test
    void aCreateRetriedWithTheSameIdempotencyKeyCreatesOneLead() {
        String key = newRequestId();

        JsonNode first = createWithHeader(createRequest(admin), "Idempotency-Key", key).ok().data();
        JsonNode retried = createWithHeader(createRequest(token()), "Idempotency-Key", key).ok().data();

        assertThat(retried).isEqualTo(first);
        assertThat(requestIds(entries(first))).containsExactly(key);
    }

    @Test
    void theRequestIdOfACallIsTheRequestIdOfItsHistoryEntries() {
        String createId = newRequestId();
        ObjectNode create = createRequest(admin);
        create.put("request_id", createId);
        create.put("contact_email", "traced@example.com");
        JsonNode lead = post("/leads/create", create).ok().data();
        String updateId = newRequestId();
        ObjectNode update = change(supervisor, lead, "description", "traced", "udf_string_3", "traced");
        update.put("request_id", updateId);
        JsonNode updated = update(update).ok().data();

        List<JsonNode> entries = entries(lead);

        Map<String, List<Long>> sequenceNumbersByRequest = entries.stream().collect(Collectors.groupingBy(
                entry -> entry.path("request_id").asText(),
                Collectors.mapping(entry -> entry.path("sequence_number").asLong(), Collectors.toList())));
        assertThat(sequenceNumbersByRequest).containsOnlyKeys(createId, updateId);
        assertThat(sequenceNumbersByRequest.get(createId)).allSatisfy(sequence ->
                assertThat(sequence).isBetween(0L, version(lead)));
        assertThat(sequenceNumbersByRequest.get(updateId)).containsExactly(version(lead) + 1, version(updated));
    }

    @Test
    void theSameRequestIdSentByTwoUsersIsTwoRequestsAndBothAreApplied() {
        JsonNode lead = newLead();
        String id = newRequestId();
        ObjectNode byAdministrator = change(admin, lead, "contact_email", "admin@example.com");
        byAdministrator.put("request_id", id);
        ObjectNode bySupervisor = change(supervisor, lead, "description", "the supervisor's");
        bySupervisor.put("request_id", id);

        JsonNode first = update(byAdministrator).ok().data();
        JsonNode second = update(bySupervisor).ok().data();

        assertThat(version(second)).isEqualTo(version(first) + 1);
        JsonNode shown = show(admin, lead).ok().data();
        assertThat(shown.path("contact_email").asText()).isEqualTo("admin@example.com");
        assertThat(shown.path("description").asText()).isEqualTo("the supervisor's");
        List<JsonNode> changes = entriesAfter(lead, version(lead));
        assertThat(changes).extracting(entry -> entry.path("performed_by_user").path("username").asText() + ":"
                        + entry.path("field").asText() + ":" + entry.path("request_id").asText())
                .containsExactly("MPAdministrator:contact_email:" + id, "supervisor:description:" + id);
    }

    @Test
    void aRetryAfterSomeoneElseChangedTheLeadAnswersTheFirstAnswerNotTheCurrentLead() {
        JsonNode lead = newLead();
        ObjectNode request = change(supervisor, lead, "contact_email", "mine@example.com");
        request.put("request_id", newRequestId());
        Answer first = update(request).ok();
        JsonNode theirs = applied(change(admin, lead, "description", "theirs", "contact_email", "theirs@example.com"));
        long entries = historyTotal(lead);

        Answer retried = update(request).ok();

        assertThat(retried.data()).isEqualTo(first.data());
        assertThat(version(retried.data())).isEqualTo(version(lead) + 1);
        assertThat(eTag(retried)).isEqualTo("\"" + version(first.data()) + "\"");
        assertThat(show(admin, lead).ok().data()).as("the lead is still as the other user left it").isEqualTo(theirs);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void aRetryOfTheUpdateThatClosedTheLeadAnswersItsFirstAnswerNotLeadClosed() {
        JsonNode lead = newLead();
        ObjectNode request = change(supervisor, lead, "status_identifier", Map.of("name", "Lost"),
                "lost_reason_identifier", Map.of("name", "Price"));
        request.put("request_id", newRequestId());
        JsonNode first = update(request).ok().data();
        assertThat(first.path("life_cycle_state").asText()).isEqualTo("LOST");
        long entries = historyTotal(lead);

        assertThat(update(request).ok().data()).isEqualTo(first);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a field change with expected_version", "a move to Lost"})
    void copiesOfARequestSentAtOnceAreAppliedOnceAndAllAnsweredWithTheFirstAnswer(String kind)
            throws Exception {
        JsonNode lead = newLead();
        ObjectNode request = kind.startsWith("a field change")
                ? change(supervisor, lead, "description", "at once", "expected_version", version(lead))
                : change(supervisor, lead, "status_identifier", Map.of("name", "Lost"),
                "lost_reason_identifier", Map.of("name", "Price"));
        request.put("request_id", newRequestId());
        int copies = 12;
        List<Answer> answers = atOnce(copies, () -> update(request));

        JsonNode shown = show(admin, lead).ok().data();
        assertThat(version(shown)).as("applied once").isEqualTo(version(lead) + 1);
        assertThat(answers).extracting(Answer::code)
                .as("the answers to %d copies of one request: %s", copies, answers.stream().map(Answer::body).toList())
                .containsOnly("OK");
        assertThat(answers).extracting(Answer::data).containsOnly(shown);
    }

    @Test
    void copiesOfACreateSentAtOnceCreateOneLeadAndAllAnswerIt() throws Exception {
        ObjectNode request = createRequest(admin);
        request.put("request_id", newRequestId());
        int copies = 12;
        long leadsBefore = leadCount();
        List<Answer> answers = atOnce(copies, () -> post("/leads/create", request));

        assertThat(answers).extracting(Answer::code)
                .as("the answers to %d copies of one create: %s", copies, answers.stream().map(Answer::body).toList())
                .containsOnly("OK");
        JsonNode first = answers.get(0).data();
        assertThat(answers).extracting(Answer::data).containsOnly(first);
        assertThat(leadCount()).as("leads after the copies").isEqualTo(leadsBefore + 1);
    }

    private long leadCount() {
        return get("/leads/list", Map.of("token", admin, "records_per_page", "1")).ok().body()
                .path("paging").path("total").asLong();
    }

    // =================================================================================================== helpers

    private JsonNode newLead() {
        return createLead(admin, Map.of());
    }

    private JsonNode newLead(Map<String, Object> extra) {
        return createLead(admin, extra);
    }

    /** An update of {@code lead} with {@code token}; parameters are name, value pairs, a null value is JSON null. */
    private ObjectNode change(String token, JsonNode lead, Object... parameters) {
        ObjectNode request = updateOf(token, lead);
        for (int i = 0; i < parameters.length; i += 2) {
            Object value = parameters[i + 1];
            request.set((String) parameters[i], value == null ? json.nullNode() : json.valueToTree(value));
        }
        return request;
    }

    /** Sends an update with headers given as name, value pairs. */
    private Answer update(ObjectNode request, String... headers) {
        return postWithHeaders("/leads/update", request, headers);
    }

    private Answer createWithHeader(ObjectNode request, String... headers) {
        return postWithHeaders("/leads/create", request, headers);
    }

    private Answer postWithHeaders(String path, ObjectNode request, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json");
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        try {
            return send(builder.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(request))));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Answer asOf(JsonNode lead, String parameter, String value) {
        return get("/leads/show", Map.of("token", admin, "lead_identifier", "number=" + lead.path("number").asText(),
                parameter, value));
    }

    /** The history of {@code lead} read by the administrator; parameters are name, value pairs. */
    private Answer history(JsonNode lead, String... parameters) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("token", admin);
        query.put("lead_identifier", "number=" + lead.path("number").asText());
        for (int i = 0; i < parameters.length; i += 2) {
            query.put(parameters[i], parameters[i + 1]);
        }
        return get("/leads/history", query);
    }

    /** Every entry of the history (one page holds them all), filtered by {@code parameters}. */
    private List<JsonNode> entries(JsonNode lead, String... parameters) {
        String[] all = new String[parameters.length + 2];
        all[0] = "records_per_page";
        all[1] = ALL;
        System.arraycopy(parameters, 0, all, 2, parameters.length);
        Answer answer = history(lead, all).ok();
        List<JsonNode> entries = list(answer.data());
        assertThat(answer.body().path("paging").path("total").asLong()).as("paging.total of %s", answer.body())
                .isEqualTo(entries.size());
        return entries;
    }

    /** The entries of the events after {@code version}. */
    private List<JsonNode> entriesAfter(JsonNode lead, long version) {
        return entries(lead).stream().filter(entry -> entry.path("sequence_number").asLong() > version).toList();
    }

    private long historyTotal(JsonNode lead) {
        Answer answer = history(lead, "records_per_page", "1").ok();
        assertThat(answer.body().path("paging").path("total").isIntegralNumber()).as("paging of %s", answer.body())
                .isTrue();
        return answer.body().path("paging").path("total").asLong();
    }

    /** Sends {@code copies} requests at the same moment from as many threads, and their answers. */
    private static List<Answer> atOnce(int copies, Callable<Answer> request) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(copies);
        try {
            CountDownLatch ready = new CountDownLatch(copies);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Answer>> sent = new ArrayList<>();
            for (int i = 0; i < copies; i++) {
                sent.add(senders.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.call();
                }));
            }
            ready.await();
            go.countDown();
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> answer : sent) {
                answers.add(answer.get(30, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            senders.shutdownNow();
        }
    }

    private static List<JsonNode> list(JsonNode data) {
        assertThat(data.isArray()).as("data is a list: %s", data).isTrue();
        List<JsonNode> entries = new ArrayList<>();
        data.forEach(entries::add);
        return entries;
    }

    private static JsonNode entryOf(List<JsonNode> entries, String field) {
        return only(entries.stream().filter(entry -> entry.path("field").asText().equals(field)).toList());
    }

    private static JsonNode only(List<JsonNode> entries) {
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static Set<String> requestIds(List<JsonNode> entries) {
        return entries.stream().map(entry -> entry.path("request_id").asText())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private static LocalDateTime latestDate(List<JsonNode> entries) {
        return entries.stream().map(entry -> LocalDateTime.parse(entry.path("performed_date").asText()))
                .max(Comparator.naturalOrder()).orElseThrow();
    }

    private static LocalDateTime earliestDate(List<JsonNode> entries) {
        return entries.stream().map(entry -> LocalDateTime.parse(entry.path("performed_date").asText()))
                .min(Comparator.naturalOrder()).orElseThrow();
    }

    /** The row id of the lead's competitors_set row for this competitor. */
    private static String rowOf(JsonNode lead, String competitorId) {
        List<String> rows = new ArrayList<>();
        lead.path("competitors_set").forEach(row -> {
            if (row.path("competitor").path("id").asText().equals(competitorId)) {
                rows.add(row.path("id").asText());
            }
        });
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private static String eTag(Answer answer) {
        return answer.response().headers().firstValue("ETag").orElse(null);
    }

    private static String newRequestId() {
        return UUID.randomUUID().toString();
    }

    private static void assertChange(JsonNode entry, Object oldValue, Object newValue) {
        assertValue(entry.path("old_value"), oldValue);
        assertValue(entry.path("new_value"), newValue);
    }

    /** A plain JSON value: a number for a number (compared by value), text for text and dates. */
    private static void assertValue(JsonNode value, Object expected) {
        if (expected instanceof Number number) {
            assertThat(value.isNumber()).as("a number: %s", value).isTrue();
            assertThat(value.decimalValue()).isEqualByComparingTo(new BigDecimal(number.toString()));
        } else {
            assertThat(value.isTextual()).as("text: %s", value).isTrue();
            assertThat(value.asText()).isEqualTo(expected);
        }
    }

    /** A catalogue entity as the history names it: {@code {id, name}}. */
    private static void assertReference(JsonNode value, String id, String name) {
        assertThat(value.isObject()).as("an identifier object: %s", value).isTrue();
        assertThat(value.path("id").asText()).as("id of %s", value).isEqualTo(id);
        assertThat(value.path("name").asText()).as("name of %s", value).isEqualTo(name);
    }
}
