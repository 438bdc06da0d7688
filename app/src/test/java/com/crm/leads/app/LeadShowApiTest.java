package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.DefaultCatalogue.FILIPPOS_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code leads/show} (LEADS-API.md, sections 4 and 7): a lead by number or by id, as create and update answered
 * it, and the seed leads 69 and 127 that a fresh service holds (only read here).
 */
class LeadShowApiTest extends ApiTest {

    @Test
    void showByNumberAndByIdGiveTheSameLeadAsCreateAnswered() {
        JsonNode lead = newLead(Map.of("description", "shown"));

        JsonNode byNumber = showBy("number=" + lead.path("number").asText()).ok().data();
        JsonNode byId = showBy("id=" + lead.path("id").asText()).ok().data();

        assertThat(byNumber).isEqualTo(lead);
        assertThat(byId).isEqualTo(lead);
    }

    @ParameterizedTest(name = "lead_identifier={0}")
    @ValueSource(strings = {"number=987654321", "id=0123456789ABCDEF0123456789ABCDEF"})
    void showOfALeadThatDoesNotExistIsNotFound404(String identifier) {
        Answer answer = showBy(identifier).fails("NOT_FOUND", 404);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void showAfterAnUpdateShowsTheUpdate() {
        JsonNode lead = newLead();

        JsonNode answer = sendUpdate(update(lead, "description", "after the call")).ok().data();
        JsonNode shown = show(supervisor, lead).ok().data();

        assertThat(shown.path("description").asText()).isEqualTo("after the call");
        assertThat(shown.path("version").asLong()).isEqualTo(version(lead) + 1);
        assertThat(shown).isEqualTo(answer);
    }

    static Stream<Arguments> seedLeads() {
        return Stream.of(
                arguments("69", "DCD9A08C2A4C421EA00FCF84D0974CCA", FILIPPOS_ID, "Software Purchase", "567"),
                arguments("127", "4DF94747AE1C4DA4916DD5012F245DCE", "12F12B2F406A42E699A7E98646ADD1FB",
                        "New Customer", "ACR0000000094"));
    }

    @ParameterizedTest(name = "lead {0}")
    @MethodSource("seedLeads")
    void theSeedLeadsExistOnAFreshStart(String number, String id, String contactId, String type,
                                               String accountsReceivable) {
        JsonNode lead = showBy("number=" + number).ok().data();

        assertThat(lead.path("number").asText()).isEqualTo(number);
        assertThat(lead.path("id").asText()).isEqualTo(id);
        assertThat(lead.path("contact_information").path("id").asText()).isEqualTo(contactId);
        assertThat(lead.path("type").path("name").asText()).isEqualTo(type);
        assertThat(lead.path("accounts_receivable").path("number").asText()).isEqualTo(accountsReceivable);
        assertThat(lead.path("version").isIntegralNumber()).isTrue();
        assertThat(lead.path("version").asLong()).isEqualTo(latestEventOf(lead));
        assertThat(lead.path("log_information").path("created_by_user").path("username").asText())
                .isEqualTo("MPAdministrator");
        assertThat(lead.path("log_information").path("created_by_unit").path("name").asText())
                .isEqualTo("Admin Unit");
        assertThat(fieldNames(lead)).containsAll(LeadCompleteFields.FIELDS);
        assertThat(showBy("id=" + id).ok().data()).isEqualTo(lead);
    }
}
