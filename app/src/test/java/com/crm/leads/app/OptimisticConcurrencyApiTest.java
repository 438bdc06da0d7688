package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Optimistic concurrency (LEADS-API.md, sections 7 and 10): the version as a strong {@code ETag}, and an update
 * that names the version it expects, with {@code If-Match} or {@code expected_version}, is applied only to it.
 */
class OptimisticConcurrencyApiTest extends ApiTest {

    @Test
    void showAndUpdateAnswersCarryTheVersionAsAStrongQuotedETag() {
        JsonNode lead = newLead();

        Answer shown = show(admin, lead).ok();
        assertThat(shown.eTag()).isEqualTo("\"" + version(shown.data()) + "\"");

        Answer updated = sendUpdate(updateBy(supervisor, lead, "description", "tagged")).ok();
        assertThat(version(updated.data())).isGreaterThan(version(lead));
        assertThat(updated.eTag()).isEqualTo("\"" + version(updated.data()) + "\"");
        assertThat(show(admin, lead).ok().eTag()).isEqualTo(updated.eTag());
    }

    @Test
    void anUpdateWithIfMatchOfTheCurrentVersionIsApplied() {
        JsonNode lead = newLead();
        String current = show(admin, lead).ok().eTag();

        Answer answer = sendUpdate(updateBy(supervisor, lead, "description", "matched"), "If-Match", current).ok();

        assertThat(answer.data().path("description").asText()).isEqualTo("matched");
        assertThat(version(answer.data())).isEqualTo(version(lead) + 1);
        assertThat(show(supervisor, lead).ok().data()).isEqualTo(answer.data());
    }

    @Test
    void anUpdateWithAStaleIfMatchIsVersionConflict409AndChangesNothing() {
        JsonNode lead = newLead();
        String stale = show(admin, lead).ok().eTag();
        JsonNode current = applied(updateBy(admin, lead, "description", "someone else's"));
        long entries = historyTotal(lead);

        sendUpdate(updateBy(supervisor, lead, "contact_email", "late@example.com"), "If-Match", stale)
                .fails("VERSION_CONFLICT", 409);

        assertThat(show(admin, lead).ok().data()).isEqualTo(current);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void anUpdateWithExpectedVersionOfTheCurrentVersionIsApplied() {
        JsonNode lead = newLead();

        JsonNode updated = applied(updateBy(supervisor, lead, "description", "expected",
                "expected_version", version(lead)));

        assertThat(updated.path("description").asText()).isEqualTo("expected");
        assertThat(version(updated)).isEqualTo(version(lead) + 1);
    }

    @ParameterizedTest(name = "expected_version = version {0}")
    @ValueSource(ints = {-1, 1, 100})
    void anUpdateWithAnotherExpectedVersionIsVersionConflict409AndChangesNothing(int offset) {
        JsonNode lead = newLead();
        JsonNode current = applied(updateBy(admin, lead, "description", "moved on"));
        long entries = historyTotal(lead);

        sendUpdate(updateBy(supervisor, lead, "contact_email", "late@example.com",
                "expected_version", version(current) + offset)).fails("VERSION_CONFLICT", 409);

        assertThat(show(admin, lead).ok().data()).isEqualTo(current);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void expectedVersionAndIfMatchNamingTheSameVersionAreApplied() {
        JsonNode lead = newLead();

        Answer answer = sendUpdate(updateBy(supervisor, lead, "description", "both", "expected_version", version(lead)),
                "If-Match", "\"" + version(lead) + "\"").ok();

        assertThat(answer.data().path("description").asText()).isEqualTo("both");
    }

    @Test
    void expectedVersionAndIfMatchThatDisagreeAreInvalidParameterAndChangeNothing() {
        JsonNode lead = newLead();
        JsonNode current = applied(updateBy(admin, lead, "description", "v"));
        long entries = historyTotal(lead);

        sendUpdate(updateBy(supervisor, lead, "contact_email", "x@example.com", "expected_version", version(current)),
                "If-Match", "\"" + version(lead) + "\"").fails("INVALID_PARAMETER", 400);
        sendUpdate(updateBy(supervisor, lead, "contact_email", "x@example.com", "expected_version", version(lead)),
                "If-Match", "\"" + version(current) + "\"").fails("INVALID_PARAMETER", 400);

        assertThat(show(admin, lead).ok().data()).isEqualTo(current);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }

    @Test
    void ifMatchStarSetsNoVersionConstraint() {
        JsonNode lead = newLead();
        applied(updateBy(admin, lead, "description", "moved on"));

        Answer answer = sendUpdate(updateBy(supervisor, lead, "contact_email", "star@example.com"), "If-Match", "*").ok();

        assertThat(answer.data().path("contact_email").asText()).isEqualTo("star@example.com");
        assertThat(show(supervisor, lead).ok().data()).isEqualTo(answer.data());
    }

    @ParameterizedTest(name = "If-Match: {0}")
    @ValueSource(strings = {"W/\"%d\"", "\"abc\"", "abc", "\"%d"})
    void aWeakOrMalformedIfMatchIsInvalidParameterAndChangesNothing(String pattern) {
        JsonNode lead = newLead();
        long entries = historyTotal(lead);

        sendUpdate(updateBy(supervisor, lead, "description", "tagged"), "If-Match", pattern.formatted(version(lead)))
                .fails("INVALID_PARAMETER", 400);

        assertThat(show(admin, lead).ok().data()).isEqualTo(lead);
        assertThat(historyTotal(lead)).isEqualTo(entries);
    }
}
