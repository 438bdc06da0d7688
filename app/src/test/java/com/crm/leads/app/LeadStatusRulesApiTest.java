package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.DefaultCatalogue.LOST_ID;
import static com.crm.leads.app.DefaultCatalogue.PRICE_ID;
import static com.crm.leads.app.DefaultCatalogue.QUALIFIED_ID;
import static com.crm.leads.app.DefaultCatalogue.WON_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The status rules of {@code leads/update} (LEADS-API.md, section 5): a move to a PENDING status keeps the lead
 * open, a move to WON or LOST closes it with its completion date (LOST only with a lost reason), and a closed lead
 * refuses every update.
 */
class LeadStatusRulesApiTest extends ApiTest {

    static Stream<Map<String, String>> qualifiedIdentifiers() {
        return Stream.of(Map.of("name", "Qualified"), Map.of("alternative_code", "QLF"), Map.of("id", QUALIFIED_ID));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("qualifiedIdentifiers")
    void aMoveToAPendingStatusKeepsTheLeadOpen(Map<String, String> identifier) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "status_identifier", identifier));

        assertThat(answer.path("status").path("id").asText()).isEqualTo(QUALIFIED_ID);
        assertThat(answer.path("status").path("name").asText()).isEqualTo("Qualified");
        assertThat(answer.path("status").path("life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(answer.path("life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(answer.path("actual_completion_date").isNull()).as("actual_completion_date").isTrue();
        assertThat(answer.path("lost_reason").isNull()).as("lost_reason").isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "status");

        JsonNode further = applied(update(answer, "description", "still open"));
        assertThat(further.path("description").asText()).isEqualTo("still open");
    }

    @Test
    void aMoveToAWonStatusClosesTheLeadAsWonWithItsCompletionDate() {
        JsonNode lead = newLead();

        LocalDateTime before = nowUtc();
        JsonNode answer = applied(update(lead, "status_identifier", Map.of("name", "Won")));
        LocalDateTime after = nowUtc();

        assertThat(answer.path("status").path("id").asText()).isEqualTo(WON_ID);
        assertThat(answer.path("status").path("life_cycle_state").asText()).isEqualTo("WON");
        assertThat(answer.path("life_cycle_state").asText()).isEqualTo("WON");
        assertThat(answer.path("lost_reason").isNull()).as("lost_reason").isTrue();
        assertWithin(answer.path("actual_completion_date"), before, after);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "status", "life_cycle_state", "actual_completion_date");
    }

    static Stream<Arguments> lostMoves() {
        return Stream.of(
                arguments("Lost", Map.of("name", "Price")),
                arguments("Lost", Map.of("alternative_code", "PRC")),
                arguments("Abandoned", Map.of("id", PRICE_ID)));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("lostMoves")
    void aMoveToALostStatusWithALostReasonClosesTheLeadAsLost(
            String status, Map<String, String> reason) {
        JsonNode lead = newLead();

        LocalDateTime before = nowUtc();
        JsonNode answer = applied(update(lead, "status_identifier", Map.of("name", status),
                "lost_reason_identifier", reason));
        LocalDateTime after = nowUtc();

        assertThat(answer.path("status").path("name").asText()).isEqualTo(status);
        assertThat(answer.path("status").path("life_cycle_state").asText()).isEqualTo("LOST");
        assertThat(answer.path("life_cycle_state").asText()).isEqualTo("LOST");
        JsonNode lostReason = answer.path("lost_reason");
        assertThat(lostReason.path("id").asText()).isEqualTo(PRICE_ID);
        assertThat(lostReason.path("name").asText()).isEqualTo("Price");
        assertThat(lostReason.path("alternative_code").asText()).isEqualTo("PRC");
        assertThat(lostReason.path("description").asText()).isEqualTo("The price was too high");
        assertWithin(answer.path("actual_completion_date"), before, after);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "status", "life_cycle_state", "actual_completion_date", "lost_reason");
    }

    static Stream<Arguments> lostMovesWithoutReason() {
        return Stream.of(
                arguments("Lost", false),
                arguments("Lost", true),
                arguments("Abandoned", false));
    }

    @ParameterizedTest(name = "{0}, lost_reason_identifier given as null: {1}")
    @MethodSource("lostMovesWithoutReason")
    void aMoveToALostStatusWithoutALostReasonIsLostReasonRequiredAndChangesNothing(
            String status, boolean reasonAsNull) {
        JsonNode lead = newLead();
        ObjectNode request = update(lead, "status_identifier", Map.of("name", status), "description", "valid");
        if (reasonAsNull) {
            request.putNull("lost_reason_identifier");
        }

        refused(lead, request, "LOST_REASON_REQUIRED", 400, null);
    }

    static Stream<Arguments> lostReasonsWithoutAMoveToLost() {
        return Stream.of(
                arguments("no status change", new Object[]{}),
                arguments("the current status again", new Object[]{"status_identifier", Map.of("name", "New")}),
                arguments("a move to Qualified (PENDING)",
                        new Object[]{"status_identifier", Map.of("name", "Qualified")}),
                arguments("a move to Won (WON)", new Object[]{"status_identifier", Map.of("name", "Won")}));
    }

    @ParameterizedTest(name = "with {0}")
    @MethodSource("lostReasonsWithoutAMoveToLost")
    void lostReasonIdentifierWithoutAMoveToALostStatusIsInvalidParameter(
            String label, Object[] parameters) {
        JsonNode lead = newLead();
        ObjectNode request = update(lead, parameters);
        request.set("lost_reason_identifier", json.valueToTree(Map.of("name", "Price")));

        refused(lead, request, "INVALID_PARAMETER", 400, "lost_reason_identifier");
    }

    @Test
    void aLostReasonThatDoesNotExistIsNotFound400() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "status_identifier", Map.of("name", "Lost"),
                        "lost_reason_identifier", Map.of("name", "Boredom")),
                "NOT_FOUND", 400, "lost_reason_identifier");
    }

    @Test
    void aMoveWithFieldChangesInOneCallAppliesAllOfThem() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead,
                "status_identifier", Map.of("name", "Qualified"),
                "contact_email", "moved@example.com",
                "priority", 2,
                "udf_string_1", "qualified by phone"));

        assertThat(answer.path("status").path("name").asText()).isEqualTo("Qualified");
        assertThat(answer.path("contact_email").asText()).isEqualTo("moved@example.com");
        assertThat(answer.path("priority").asInt()).isEqualTo(2);
        assertThat(answer.path("udf_string_1").asText()).isEqualTo("qualified by phone");
        assertThat(version(answer)).isEqualTo(version(lead) + 4);
    }

    @Test
    void aMoveToWonWithFieldChangesAppliesThemBeforeClosing() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead,
                "status_identifier", Map.of("id", WON_ID),
                "target_amount", 5000,
                "probability_to_win", 100));

        assertThat(answer.path("life_cycle_state").asText()).isEqualTo("WON");
        assertShown(answer, "target_amount", 5000);
        assertShown(answer, "probability_to_win", 100);
        assertThat(version(answer)).isEqualTo(version(lead) + 3);
    }

    static Stream<Arguments> updatesOfAClosedLead() {
        List<Arguments> cases = new ArrayList<>();
        for (String closedAs : List.of("Won", "Lost")) {
            cases.add(arguments(closedAs, "nothing but lead_identifier", new Object[]{}));
            cases.add(arguments(closedAs, "a field change", new Object[]{"description", "too late"}));
            cases.add(arguments(closedAs, "a field set to its current value", new Object[]{"priority", 4}));
            cases.add(arguments(closedAs, "a move back to New", new Object[]{"status_identifier", Map.of("name", "New")}));
            cases.add(arguments(closedAs, "the current status again",
                    new Object[]{"status_identifier", Map.of("name", closedAs)}));
            cases.add(arguments(closedAs, "a move to Abandoned with a lost reason", new Object[]{
                    "status_identifier", Map.of("name", "Abandoned"),
                    "lost_reason_identifier", Map.of("name", "No budget")}));
            cases.add(arguments(closedAs, "an invalid value (whatever the parameters)",
                    new Object[]{"contact_email", "not-an-email"}));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} lead, {1}")
    @MethodSource("updatesOfAClosedLead")
    void aClosedLeadRefusesEveryUpdateWithLeadClosedAndNothingChanges(
            String closedAs, String label, Object[] parameters) {
        JsonNode lead = closedLead(closedAs);

        refused(lead, update(lead, parameters), "LEAD_CLOSED", 409, null);
    }

    /** A lead moved to Won, or to Lost for a price reason. */
    private JsonNode closedLead(String status) {
        JsonNode lead = newLead();
        JsonNode closed = "Lost".equals(status)
                ? applied(update(lead, "status_identifier", Map.of("id", LOST_ID),
                "lost_reason_identifier", Map.of("name", "Price")))
                : applied(update(lead, "status_identifier", Map.of("name", status)));
        assertThat(closed.path("life_cycle_state").asText()).isIn("WON", "LOST");
        return closed;
    }
}
