package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static com.crm.leads.app.HistoryEntries.only;
import static com.crm.leads.app.HistoryEntries.requestIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe retries (LEADS-API.md, section 10): a create or an update sent again with the same {@code request_id} or
 * {@code Idempotency-Key} answers the first answer and changes nothing.
 */
class IdempotentRetriesApiTest extends ApiTest {

    @Test
    void anUpdateSentTwiceWithTheSameRequestIdIsAppliedOnceAndAnsweredTheSameTwice() {
        JsonNode lead = newLead();
        ObjectNode request = updateBy(supervisor, lead, "description", "once", "udf_string_3", "only once");
        request.put("request_id", newRequestId());

        JsonNode first = sendUpdate(request).ok().data();
        long entries = historyTotal(lead);
        JsonNode retried = sendUpdate(request).ok().data();

        assertThat(retried).isEqualTo(first);
        assertThat(version(first)).isEqualTo(version(lead) + 2);
        assertThat(show(supervisor, lead).ok().data()).isEqualTo(first);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void anUpdateRetriedWithTheSameIdempotencyKeyAndANewTokenIsAppliedOnce() {
        JsonNode lead = newLead();
        String key = newRequestId();

        JsonNode first = sendUpdate(updateBy(supervisor, lead, "description", "keyed"), "Idempotency-Key", key)
                .ok().data();
        long entries = historyTotal(lead);
        Answer retried = sendUpdate(updateBy(token("supervisor"), lead, "description", "keyed"), "Idempotency-Key", key)
                .ok();

        assertThat(retried.data()).isEqualTo(first);
        assertThat(show(supervisor, lead).ok().data()).isEqualTo(first);
        assertThat(historyTotal(lead)).isEqualTo(entries);
        assertThat(requestIds(entriesAfter(lead, version(lead)))).containsExactly(key);
    }

    @Test
    void aRetryWithRequestIdInTheBodyOfACallFirstSentWithIdempotencyKeyIsTheSameRequest() {
        JsonNode lead = newLead();
        String id = newRequestId();
        JsonNode first = sendUpdate(updateBy(supervisor, lead, "description", "either way"), "Idempotency-Key", id)
                .ok().data();
        long entries = historyTotal(lead);

        ObjectNode retry = updateBy(supervisor, lead, "description", "either way");
        retry.put("request_id", id);
        assertThat(sendUpdate(retry).ok().data()).isEqualTo(first);

        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void theSameRequestIdWithADifferentBodyIsInvalidParameterNamingRequestIdAndChangesNothing() {
        JsonNode lead = newLead();
        String id = newRequestId();
        ObjectNode request = updateBy(supervisor, lead, "description", "first body");
        request.put("request_id", id);
        JsonNode first = sendUpdate(request).ok().data();
        long entries = historyTotal(lead);

        ObjectNode other = updateBy(supervisor, lead, "description", "another body");
        other.put("request_id", id);
        Answer answer = sendUpdate(other).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("request_id");
        assertThat(show(supervisor, lead).ok().data()).isEqualTo(first);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void requestIdAndADifferentIdempotencyKeyAreInvalidParameterNamingRequestIdAndChangeNothing() {
        JsonNode lead = newLead();
        long entries = historyTotal(lead);
        ObjectNode request = updateBy(supervisor, lead, "description", "two ids");
        request.put("request_id", newRequestId());

        Answer answer = sendUpdate(request, "Idempotency-Key", newRequestId()).fails("INVALID_PARAMETER", 400);

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

        JsonNode first = sendCreate(createRequest(admin), "Idempotency-Key", key).ok().data();
        JsonNode retried = sendCreate(createRequest(token()), "Idempotency-Key", key).ok().data();

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
        ObjectNode update = updateBy(supervisor, lead, "description", "traced", "udf_string_3", "traced");
        update.put("request_id", updateId);
        JsonNode updated = sendUpdate(update).ok().data();

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
        ObjectNode byAdministrator = updateBy(admin, lead, "contact_email", "admin@example.com");
        byAdministrator.put("request_id", id);
        ObjectNode bySupervisor = updateBy(supervisor, lead, "description", "the supervisor's");
        bySupervisor.put("request_id", id);

        JsonNode first = sendUpdate(byAdministrator).ok().data();
        JsonNode second = sendUpdate(bySupervisor).ok().data();

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
        ObjectNode request = updateBy(supervisor, lead, "contact_email", "mine@example.com");
        request.put("request_id", newRequestId());
        Answer first = sendUpdate(request).ok();
        JsonNode theirs = applied(updateBy(admin, lead, "description", "theirs", "contact_email", "theirs@example.com"));
        long entries = historyTotal(lead);

        Answer retried = sendUpdate(request).ok();

        assertThat(retried.data()).isEqualTo(first.data());
        assertThat(version(retried.data())).isEqualTo(version(lead) + 1);
        assertThat(retried.eTag()).isEqualTo("\"" + version(first.data()) + "\"");
        assertThat(show(admin, lead).ok().data()).as("the lead is still as the other user left it").isEqualTo(theirs);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void aRetryOfTheUpdateThatClosedTheLeadAnswersItsFirstAnswerNotLeadClosed() {
        JsonNode lead = newLead();
        ObjectNode request = updateBy(supervisor, lead, "status_identifier", Map.of("name", "Lost"),
                "lost_reason_identifier", Map.of("name", "Price"));
        request.put("request_id", newRequestId());
        JsonNode first = sendUpdate(request).ok().data();
        assertThat(first.path("life_cycle_state").asText()).isEqualTo("LOST");
        long entries = historyTotal(lead);

        assertThat(sendUpdate(request).ok().data()).isEqualTo(first);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }
}
