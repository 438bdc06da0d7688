package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.crm.leads.app.DefaultCatalogue.COMPETITOR_1_ID;
import static com.crm.leads.app.DefaultCatalogue.FILIPPOS_ID;
import static com.crm.leads.app.DefaultCatalogue.LOST_ID;
import static com.crm.leads.app.DefaultCatalogue.MAGNAQUEST_ID;
import static com.crm.leads.app.DefaultCatalogue.NEW_ID;
import static com.crm.leads.app.DefaultCatalogue.PRICE_ID;
import static com.crm.leads.app.DefaultCatalogue.QUALIFIED_ID;
import static com.crm.leads.app.DefaultCatalogue.SOFTWARE_PURCHASE_CATEGORY_ID;
import static com.crm.leads.app.HistoryEntries.only;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code leads/history} records (LEADS-API.md, sections 4 and 9): the creation, then one entry per changed
 * field, status or set row, each with its old and new value as plain JSON.
 */
class LeadHistoryApiTest extends ApiTest {

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
        applied(updateBy(supervisor, lead, "contact_email", "one@example.com"));
        applied(updateBy(supervisor, lead, "description", "two"));
        JsonNode last = applied(updateBy(supervisor, lead, "contact_email", "three@example.com"));

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
        JsonNode updated = applied(updateBy(supervisor, lead,
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
        applied(updateBy(supervisor, lead, "contact_email", null));

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
        JsonNode qualified = applied(updateBy(supervisor, lead, "status_identifier", Map.of("name", "Qualified")));
        JsonNode lost = applied(updateBy(supervisor, lead, "status_identifier", Map.of("name", "Lost"),
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
        JsonNode withTwo = applied(updateBy(supervisor, lead, "competitors_set", List.of(
                Map.of("action", "add", "competitor_identifier", Map.of("name", "MagnaQuest")),
                Map.of("action", "add", "competitor_identifier", Map.of("id", COMPETITOR_1_ID)))));
        String magnaQuestRow = rowOf(withTwo, MAGNAQUEST_ID);
        String competitor1Row = rowOf(withTwo, COMPETITOR_1_ID);
        applied(updateBy(supervisor, lead, "competitors_set", List.of(Map.of("action", "remove",
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

    private static JsonNode entryOf(List<JsonNode> entries, String field) {
        return only(entries.stream().filter(entry -> entry.path("field").asText().equals(field)).toList());
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
