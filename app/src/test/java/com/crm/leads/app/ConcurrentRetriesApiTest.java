package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe retries sent at once (LEADS-API.md, section 10): copies of one request that race each other are applied
 * once, and every copy is answered with the first answer.
 */
class ConcurrentRetriesApiTest extends ApiTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"a field change with expected_version", "a move to Lost"})
    void copiesOfARequestSentAtOnceAreAppliedOnceAndAllAnsweredWithTheFirstAnswer(String kind)
            throws Exception {
        JsonNode lead = newLead();
        ObjectNode request = kind.startsWith("a field change")
                ? updateBy(supervisor, lead, "description", "at once", "expected_version", version(lead))
                : updateBy(supervisor, lead, "status_identifier", Map.of("name", "Lost"),
                "lost_reason_identifier", Map.of("name", "Price"));
        request.put("request_id", newRequestId());
        int copies = 12;
        List<Answer> answers = atOnce(copies, () -> sendUpdate(request));

        JsonNode shown = show(supervisor, lead).ok().data();
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
}
