package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import static com.crm.leads.app.DefaultCatalogue.ADMIN_UNIT_ID;
import static com.crm.leads.app.DefaultCatalogue.FILIPPOS_ID;
import static com.crm.leads.app.DefaultCatalogue.NEW_ID;
import static com.crm.leads.app.DefaultCatalogue.SOFTWARE_PURCHASE_CATEGORY_ID;
import static com.crm.leads.app.DefaultCatalogue.SUPERVISOR_ID;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code leads/create} (LEADS-API.md, sections 4 and 7): a create answers the whole lead, records who made it and
 * when, and refuses what the contract refuses. Every test makes its own leads.
 */
class LeadCreateApiTest extends ApiTest {

    @Test
    void createAnswersOkWithTheFullLead() {
        JsonNode lead = sendCreate(createRequest(admin)).ok().data();

        assertThat(lead.path("id").asText()).matches("[0-9A-F]{32}");
        assertThat(lead.path("number").isTextual()).as("number is a string: %s", lead.path("number")).isTrue();
        assertThat(lead.path("number").asText()).matches("[0-9]+");
        assertThat(lead.path("life_cycle_state").asText()).isEqualTo("PENDING");

        JsonNode status = lead.path("status");
        assertThat(fieldNames(status)).containsExactlyInAnyOrder(
                "id", "name", "alternative_code", "description", "life_cycle_state");
        assertThat(status.path("id").asText()).isEqualTo(NEW_ID);
        assertThat(status.path("name").asText()).isEqualTo("New");
        assertThat(status.path("alternative_code").asText()).isEqualTo("NEW");
        assertThat(status.path("description").asText()).isEqualTo("Lead just registered");
        assertThat(status.path("life_cycle_state").asText()).isEqualTo("PENDING");

        JsonNode contact = lead.path("contact_information");
        assertThat(contact.path("id").asText()).isEqualTo(FILIPPOS_ID);
        assertThat(contact.path("name").asText()).isEqualTo("Filippos Constantinou");
        assertThat(contact.path("demographics").isObject()).as("demographics of %s", contact).isTrue();
        assertThat(contact.path("demographics").path("id_number").asText()).isEqualTo("121212");
        assertThat(contact.path("demographics").path("gender").asText()).isEqualTo("FEMALE");

        assertThat(lead.path("type").path("name").asText()).isEqualTo("New Customer");
        assertThat(lead.path("type").path("alternative_code").asText()).isEqualTo("NC");
        assertThat(lead.path("importance").asText()).isEqualTo("IMPORTANCE3");
        assertThat(lead.path("priority").isIntegralNumber()).as("priority %s", lead.path("priority")).isTrue();
        assertThat(lead.path("priority").asInt()).isEqualTo(4);
        assertThat(lead.path("version").isIntegralNumber()).as("version %s", lead.path("version")).isTrue();
        assertThat(lead.path("version").asLong()).isEqualTo(latestEventOf(lead));
    }

    @Test
    void createRecordsTheCallerItsUnitAndTheTimeInLogInformation() {
        LocalDateTime before = nowUtc();
        JsonNode lead = sendCreate(createRequest(admin)).ok().data();
        LocalDateTime after = nowUtc();

        JsonNode log = lead.path("log_information");
        assertThat(log.path("created_by_user").path("id").asText()).isEqualTo("1");
        assertThat(log.path("created_by_user").path("username").asText()).isEqualTo("MPAdministrator");
        assertThat(log.path("created_by_user").path("person_name").asText()).isEqualTo("CRM COM");
        assertThat(log.path("created_by_unit").path("id").asText()).isEqualTo(ADMIN_UNIT_ID);
        assertThat(log.path("created_by_unit").path("name").asText()).isEqualTo("Admin Unit");
        assertThat(log.path("created_by_unit").path("alternative_code").asText()).isEqualTo("adminunit");
        assertThat(log.path("updated_by_user")).isEqualTo(log.path("created_by_user"));
        assertThat(log.path("updated_by_unit")).isEqualTo(log.path("created_by_unit"));
        assertWithin(log.path("created_date"), before, after);
        assertThat(log.path("updated_date")).isEqualTo(log.path("created_date"));
    }

    @Test
    void createByAnotherUserRecordsThatUserAsCreator() {
        JsonNode lead = createLead(supervisor, Map.of());

        JsonNode log = lead.path("log_information");
        assertThat(log.path("created_by_user").path("username").asText()).isEqualTo("supervisor");
        assertThat(log.path("created_by_user").path("id").asText()).isEqualTo(SUPERVISOR_ID);
        assertThat(log.path("updated_by_user").path("username").asText()).isEqualTo("supervisor");
    }

    @Test
    void createAnswersEveryFieldOfLeadCompleteWithNullWhereUnset() {
        JsonNode lead = newLead();

        assertThat(fieldNames(lead)).containsAll(LeadCompleteFields.FIELDS);
        for (String unset : LeadCompleteFields.UNSET_ON_A_PLAIN_LEAD) {
            assertThat(lead.get(unset)).as("%s of a plain lead", unset).isNotNull();
            assertThat(lead.get(unset).isNull()).as("%s of a plain lead is null: %s", unset, lead.get(unset)).isTrue();
        }
        assertThat(fieldNames(lead.path("log_information"))).containsAll(List.of("created_date", "updated_date",
                "created_by_user", "updated_by_user", "created_by_unit", "updated_by_unit"));
    }

    @Test
    void createWithOptionalParametersAnswersThem() {
        JsonNode lead = newLead(Map.of(
                "contact_email", "filippos@example.com",
                "description", "Wants fibre",
                "probability_to_win", 40,
                "target_amount", 999.5,
                "category_identifier", Map.of("code", "SP"),
                "start_date", "2022-01-10T09:15:00",
                "udf_string_2", "blue",
                "udf_float_3", 2.5,
                "udf_date_4", "2023-04-05",
                "accounts_receivable_identifier", Map.of("number", "567")));

        assertThat(lead.path("contact_email").asText()).isEqualTo("filippos@example.com");
        assertThat(lead.path("description").asText()).isEqualTo("Wants fibre");
        assertShown(lead, "probability_to_win", 40);
        assertShown(lead, "target_amount", 999.5);
        assertThat(lead.path("category").path("id").asText()).isEqualTo(SOFTWARE_PURCHASE_CATEGORY_ID);
        assertThat(lead.path("category").path("name").asText()).isEqualTo("Software Purchase");
        assertThat(lead.path("start_date").asText()).isEqualTo("2022-01-10T09:15:00");
        assertThat(lead.path("udf_string_2").asText()).isEqualTo("blue");
        assertShown(lead, "udf_float_3", 2.5);
        assertThat(lead.path("udf_date_4").asText()).isEqualTo("2023-04-05T00:00:00");
        assertThat(lead.path("accounts_receivable").path("number").asText()).isEqualTo("567");
        assertThat(show(lead).ok().data()).as("show after create").isEqualTo(lead);
    }

    @Test
    void twoCreatesGetDifferentIdsAndIncreasingNumbers() {
        JsonNode first = newLead();
        JsonNode second = newLead();

        assertThat(second.path("id").asText()).isNotEqualTo(first.path("id").asText());
        assertThat(second.path("number").asText()).isNotEqualTo(first.path("number").asText());
        assertThat(new BigDecimal(second.path("number").asText()))
                .isGreaterThan(new BigDecimal(first.path("number").asText()));
    }

    @ParameterizedTest(name = "status {0}")
    @ValueSource(strings = {"Won", "Lost"})
    void createWithAStatusNotClassifiedPendingIsInvalidParameter(String status) {
        ObjectNode request = createRequest(admin);
        request.set("status_identifier", json.valueToTree(Map.of("name", status)));

        Answer answer = sendCreate(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("status_identifier");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"importance", "priority", "contact_information_identifier", "type_identifier",
            "status_identifier"})
    void createWithoutAMandatoryParameterIsInvalidParameterNamingIt(String parameter) {
        ObjectNode request = createRequest(admin);
        request.remove(parameter);

        Answer answer = sendCreate(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo(parameter);
    }

    @ParameterizedTest(name = "{0}: null")
    @ValueSource(strings = {"importance", "priority", "contact_information_identifier", "type_identifier",
            "status_identifier"})
    void createWithAMandatoryParameterGivenAsNullIsInvalidParameterNamingIt(String parameter) {
        ObjectNode request = createRequest(admin);
        request.putNull(parameter);

        Answer answer = sendCreate(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo(parameter);
    }

    @Test
    void createWithLeadIdentifierIsInvalidParameter() {
        ObjectNode request = createRequest(admin);
        request.set("lead_identifier", json.valueToTree(Map.of("number", "69")));

        Answer answer = sendCreate(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void createWithAContactThatDoesNotExistIsNotFound400() {
        ObjectNode request = createRequest(admin);
        request.set("contact_information_identifier", json.valueToTree(Map.of("name", "Nobody Known")));

        Answer answer = sendCreate(request).fails("NOT_FOUND", 400);

        assertThat(answer.description()).isEqualTo("contact_information_identifier");
    }

    @Test
    void createChecksValuesAsUpdateDoes() {
        ObjectNode request = createRequest(admin);
        request.put("contact_email", "not-an-email");

        Answer answer = sendCreate(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("contact_email");
    }
}
