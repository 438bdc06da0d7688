package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static java.time.temporal.ChronoUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code leads/create}, {@code leads/show} and {@code leads/update} with the scalar parameters, spoken to over HTTP
 * as LEADS-API.md (sections 1, 3, 4, 5 and 7) describes them. Every test makes its own leads; the seed leads 69
 * and 127 are only read.
 */
class LeadApiTest extends ApiTest {

    private static final String NEW_ID = "E01AC0CCF9884F819C1AFBF0DA5DCB8A";
    private static final String QUALIFIED_ID = "6E3DC75805074DAF9B8C5D2867CFEB77";
    private static final String WON_ID = "CE3D8565F49E82F5B7F3BB62C43A1B06";
    private static final String LOST_ID = "B8E7770B9F6143AE845B8032197BE87D";
    private static final String PRICE_ID = "77AB10A1BC854E68B97989BBA3DB066A";
    private static final String SOFTWARE_PURCHASE_CATEGORY_ID = "C60F332D0B4CB8DD22A0159413951434";
    private static final String FILIPPOS_ID = "829CA6CAFFAB434C9E1B3FB72BE3DAB1";
    private static final String ADMIN_UNIT_ID = "48305F8849E3C18B227C5BE3A27BA6DF";
    private static final String SUPERVISOR_ID = "018CA08BC267612F6206D85011FFC5D1";

    /** A date as the service writes it: {@code yyyy-MM-dd'T'HH:mm:ss}, no zone. */
    private static final String DATE_FORMAT = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}";

    private static final List<String> UDF_STRINGS = numbered("udf_string_", 8);
    private static final List<String> UDF_FLOATS = numbered("udf_float_", 4);
    private static final List<String> UDF_DATES = numbered("udf_date_", 4);

    /** Every field of {@code lead_complete} (section 7). */
    private static final List<String> LEAD_COMPLETE_FIELDS = concat(List.of(
            "id", "number", "life_cycle_state", "status", "lost_reason", "category", "type", "importance",
            "priority", "probability_to_win", "target_amount", "description", "contact_email", "contact_phone",
            "start_date", "expected_completion_date", "actual_completion_date", "estimated_completion_time",
            "time_to_completion", "time_overdue", "lead_source", "assigned_to", "lead_owner", "owned_by_group",
            "privacy_level", "subscription_package", "contact_information", "accounts_receivable",
            "competitors_set", "users_set", "products_set", "log_information", "version"),
            UDF_STRINGS, UDF_FLOATS, UDF_DATES);

    /** The fields a lead made of only the mandatory parameters leaves unset, so null. */
    private static final List<String> UNSET_ON_A_PLAIN_LEAD = concat(List.of(
            "lost_reason", "category", "probability_to_win", "target_amount", "description", "contact_email",
            "contact_phone", "start_date", "actual_completion_date", "accounts_receivable"),
            UDF_STRINGS, UDF_FLOATS, UDF_DATES);


    // ---------------------------------------------------------------------------------------------- leads/create

    @Test
    void createAnswersOkWithTheFullLead() {
        JsonNode lead = create(createRequest(admin)).ok().data();

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
        JsonNode lead = create(createRequest(admin)).ok().data();
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

        assertThat(fieldNames(lead)).containsAll(LEAD_COMPLETE_FIELDS);
        for (String unset : UNSET_ON_A_PLAIN_LEAD) {
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

        Answer answer = create(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("status_identifier");
    }

    @ParameterizedTest(name = "without {0}")
    @ValueSource(strings = {"importance", "priority", "contact_information_identifier", "type_identifier",
            "status_identifier"})
    void createWithoutAMandatoryParameterIsInvalidParameterNamingIt(String parameter) {
        ObjectNode request = createRequest(admin);
        request.remove(parameter);

        Answer answer = create(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo(parameter);
    }

    @ParameterizedTest(name = "{0}: null")
    @ValueSource(strings = {"importance", "priority", "contact_information_identifier", "type_identifier",
            "status_identifier"})
    void createWithAMandatoryParameterGivenAsNullIsInvalidParameterNamingIt(String parameter) {
        ObjectNode request = createRequest(admin);
        request.putNull(parameter);

        Answer answer = create(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo(parameter);
    }

    @Test
    void createWithLeadIdentifierIsInvalidParameter() {
        ObjectNode request = createRequest(admin);
        request.set("lead_identifier", json.valueToTree(Map.of("number", "69")));

        Answer answer = create(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void createWithAContactThatDoesNotExistIsNotFound400() {
        ObjectNode request = createRequest(admin);
        request.set("contact_information_identifier", json.valueToTree(Map.of("name", "Nobody Known")));

        Answer answer = create(request).fails("NOT_FOUND", 400);

        assertThat(answer.description()).isEqualTo("contact_information_identifier");
    }

    @Test
    void createChecksValuesAsUpdateDoes() {
        ObjectNode request = createRequest(admin);
        request.put("contact_email", "not-an-email");

        Answer answer = create(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("contact_email");
    }

    // ------------------------------------------------------------------------------------------------ leads/show

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

        JsonNode answer = send(update(lead, "description", "after the call")).ok().data();
        JsonNode shown = show(lead).ok().data();

        assertThat(shown.path("description").asText()).isEqualTo("after the call");
        assertThat(shown.path("version").asLong()).isEqualTo(version(lead) + 1);
        assertThat(shown).isEqualTo(answer);
    }

    // ------------------------------------------------------------------------------ leads/update: each parameter

    static Stream<Arguments> scalarChanges() {
        List<Arguments> cases = new ArrayList<>(List.of(
                arguments("contact_email", "filippos@example.com", "filippos@example.com"),
                arguments("contact_phone", "+357 (22) 123-456", "+357 (22) 123-456"),
                arguments("description", "Interested in the premium package", "Interested in the premium package"),
                arguments("probability_to_win", 75.5, 75.5),
                arguments("importance", "IMPORTANCE5", "IMPORTANCE5"),
                arguments("importance", "CUSTOM2", "CUSTOM2"),
                arguments("priority", 6, 6),
                arguments("target_amount", 1250.75, 1250.75),
                arguments("start_date", "2022-03-01T09:00:00", "2022-03-01T09:00:00"),
                arguments("start_date", "2022-03-01", "2022-03-01T00:00:00")));
        for (int i = 0; i < UDF_STRINGS.size(); i++) {
            cases.add(arguments(UDF_STRINGS.get(i), "value " + (i + 1), "value " + (i + 1)));
        }
        for (int i = 0; i < UDF_FLOATS.size(); i++) {
            cases.add(arguments(UDF_FLOATS.get(i), -3.25 * (i + 1), -3.25 * (i + 1)));
        }
        for (int i = 0; i < UDF_DATES.size(); i++) {
            String date = "2021-06-1" + i + "T08:30:00";
            cases.add(arguments(UDF_DATES.get(i), date, date));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("scalarChanges")
    void anUpdateSetsTheParameterAndAnswersItAsAShowRightAfterDoes(
            String parameter, Object value, Object shown) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, parameter, value));

        assertShown(answer, parameter, shown);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertThat(answer.path("log_information").path("updated_by_user").path("username").asText())
                .isEqualTo("supervisor");
        assertThat(answer.path("log_information").path("created_by_user").path("username").asText())
                .isEqualTo("MPAdministrator");
        assertUnchangedBut(lead, answer, parameter);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("categoryIdentifiers")
    void categoryIdentifierSetsTheCategoryByIdNameOrCode(Map<String, String> identifier) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "category_identifier", identifier));

        JsonNode category = answer.path("category");
        assertThat(category.path("id").asText()).isEqualTo(SOFTWARE_PURCHASE_CATEGORY_ID);
        assertThat(category.path("name").asText()).isEqualTo("Software Purchase");
        assertThat(category.path("code").asText()).isEqualTo("SP");
        assertThat(fieldNames(category)).contains("description");
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, "category");
    }

    static Stream<Map<String, String>> categoryIdentifiers() {
        return Stream.of(Map.of("id", SOFTWARE_PURCHASE_CATEGORY_ID), Map.of("name", "Software Purchase"),
                Map.of("code", "SP"));
    }

    @Test
    void theVersionGrowsByTheNumberOfRealChanges() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead,
                "contact_email", "a@example.com",
                "description", "three real changes",
                "priority", 4,
                "importance", "IMPORTANCE3",
                "udf_string_1", "x"));

        assertThat(version(answer)).isEqualTo(version(lead) + 3);
        assertThat(answer.path("contact_email").asText()).isEqualTo("a@example.com");
        assertThat(answer.path("description").asText()).isEqualTo("three real changes");
        assertThat(answer.path("udf_string_1").asText()).isEqualTo("x");
    }

    @Test
    void logInformationNamesTheCallerOfTheUpdateAndKeepsTheCreator() {
        JsonNode lead = newLead();

        LocalDateTime before = nowUtc();
        JsonNode answer = applied(update(lead, "description", "by the supervisor"));
        LocalDateTime after = nowUtc();

        JsonNode log = answer.path("log_information");
        JsonNode created = lead.path("log_information");
        assertThat(log.path("updated_by_user").path("id").asText()).isEqualTo(SUPERVISOR_ID);
        assertThat(log.path("updated_by_user").path("username").asText()).isEqualTo("supervisor");
        assertThat(log.path("updated_by_user").path("person_name").asText()).isEqualTo("supervisor");
        assertThat(log.path("updated_by_user").path("email").asText()).isEqualTo("super@visor.com");
        assertThat(log.path("updated_by_unit").path("name").asText()).isEqualTo("Admin Unit");
        assertThat(log.path("created_by_user")).isEqualTo(created.path("created_by_user"));
        assertThat(log.path("created_by_user").path("username").asText()).isEqualTo("MPAdministrator");
        assertThat(log.path("created_by_unit")).isEqualTo(created.path("created_by_unit"));
        assertThat(log.path("created_date")).isEqualTo(created.path("created_date"));
        assertWithin(log.path("updated_date"), before, after);
        assertThat(LocalDateTime.parse(log.path("updated_date").asText()))
                .isAfterOrEqualTo(LocalDateTime.parse(log.path("created_date").asText()));
    }

    // -------------------------------------------------------------------------- leads/update: absent, null, equal

    @Test
    void anAbsentParameterLeavesItsFieldUnchanged() {
        JsonNode lead = newLead(Map.of("contact_email", "keep@example.com", "description", "keep me",
                "udf_float_2", 7.5, "category_identifier", Map.of("name", "New Customer")));

        JsonNode answer = applied(update(lead, "priority", 2));

        assertThat(answer.path("priority").asInt()).isEqualTo(2);
        assertThat(answer.path("contact_email").asText()).isEqualTo("keep@example.com");
        assertThat(answer.path("description").asText()).isEqualTo("keep me");
        assertUnchangedBut(lead, answer, "priority");
    }

    static Stream<Arguments> nullableParameters() {
        List<Arguments> cases = new ArrayList<>(List.of(
                arguments("contact_email", "clear@example.com"),
                arguments("contact_phone", "+357 99 123456"),
                arguments("description", "to be cleared"),
                arguments("probability_to_win", 40),
                arguments("target_amount", 900),
                arguments("category_identifier", Map.of("name", "New Customer")),
                arguments("start_date", "2022-01-01T10:00:00")));
        UDF_STRINGS.forEach(name -> cases.add(arguments(name, "s")));
        UDF_FLOATS.forEach(name -> cases.add(arguments(name, 1.5)));
        UDF_DATES.forEach(name -> cases.add(arguments(name, "2022-01-01T10:00:00")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nullableParameters")
    void nullClearsTheField(String parameter, Object initial) {
        JsonNode lead = newLead(Map.of(parameter, initial));
        assertThat(lead.path(field(parameter)).isNull()).as("%s before", parameter).isFalse();

        JsonNode answer = applied(update(lead, parameter, null));

        assertThat(answer.get(field(parameter))).as(parameter).isNotNull();
        assertThat(answer.get(field(parameter)).isNull()).as("%s after null: %s", parameter, answer).isTrue();
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, field(parameter));
    }

    @Test
    void nullForAFieldThatIsAlreadyUnsetIsNotAChange() {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, "contact_email", null, "udf_date_2", null));

        assertThat(answer).isEqualTo(lead);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status_identifier", "importance", "priority"})
    void nullForANotNullableParameterIsInvalidParameterAndChangesNothing(String parameter) {
        JsonNode lead = newLead();

        refused(lead, update(lead, parameter, null), "INVALID_PARAMETER", 400, parameter);
    }

    static Stream<Arguments> equalValues() {
        return Stream.of(
                arguments("priority", 4, 4),
                arguments("importance", "IMPORTANCE3", "IMPORTANCE3"),
                arguments("probability_to_win", 50, new BigDecimal("50.00")),
                arguments("target_amount", 100, 100.0),
                arguments("udf_float_1", 5, new BigDecimal("5.000")),
                arguments("contact_email", "same@example.com", "same@example.com"),
                arguments("description", "same", "same"),
                arguments("start_date", "2022-03-01", "2022-03-01T00:00:00"),
                arguments("udf_date_3", "2022-03-01T00:00:00", "2022-03-01"),
                arguments("category_identifier", Map.of("name", "New Customer"), Map.of("code", "NC")),
                arguments("status_identifier", Map.of("name", "New"), Map.of("alternative_code", "NEW")));
    }

    @ParameterizedTest(name = "{0}: {1} then {2}")
    @MethodSource("equalValues")
    void settingAnEqualValueIsNotAChange(String parameter, Object initial, Object equal) {
        JsonNode lead = newLead(Map.of(parameter, initial));

        JsonNode answer = applied(update(lead, parameter, equal));

        assertThat(version(answer)).isEqualTo(version(lead));
        assertThat(answer.path("log_information").path("updated_date"))
                .isEqualTo(lead.path("log_information").path("updated_date"));
        assertThat(answer.path("log_information").path("updated_by_user").path("username").asText())
                .as("no event, so the last updater is still the creator").isEqualTo("MPAdministrator");
        assertThat(answer).isEqualTo(lead);
    }

    @Test
    void settingTheSameValueTwiceChangesTheLeadOnce() {
        JsonNode lead = newLead();

        JsonNode first = applied(update(lead, "probability_to_win", 50));
        JsonNode second = applied(update(first, "probability_to_win", new BigDecimal("50.00")));

        assertThat(version(first)).isEqualTo(version(lead) + 1);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void anUpdateThatChangesNothingOnAnOpenLeadAnswersTheLeadAsItIs() {
        JsonNode lead = newLead(Map.of("description", "as it is"));

        Answer answer = send(updateOf(supervisor, lead)).ok();

        assertThat(answer.data()).isEqualTo(lead);
        assertThat(show(lead).ok().data()).isEqualTo(lead);
    }

    // ------------------------------------------------------------------------------------ leads/update: validation

    static Stream<Arguments> invalidValues() {
        return Stream.of(
                arguments("contact_email", "not-an-email", "not-an-email"),
                arguments("contact_email", "", "empty"),
                arguments("contact_email", 5, "a number"),
                arguments("contact_phone", "12", "12"),
                arguments("contact_phone", "abc123", "abc123"),
                arguments("contact_phone", "1".repeat(31), "31 digits"),
                arguments("description", "d".repeat(4001), "4001 characters"),
                arguments("probability_to_win", -1, "-1"),
                arguments("probability_to_win", 101, "101"),
                arguments("probability_to_win", new BigDecimal("100.01"), "100.01"),
                arguments("importance", "IMPORTANCE9", "IMPORTANCE9"),
                arguments("priority", 0, "0"),
                arguments("priority", 7, "7"),
                arguments("priority", 2.5, "2.5"),
                arguments("priority", "3", "text 3"),
                arguments("target_amount", new BigDecimal("-0.01"), "-0.01"),
                arguments("udf_string_1", "u".repeat(256), "256 characters"),
                arguments("udf_string_8", "u".repeat(256), "256 characters"),
                arguments("udf_date_1", "yesterday", "yesterday"),
                arguments("udf_date_1", "2020-02-03T25:00:00", "hour 25"),
                arguments("udf_float_1", "abc", "abc"),
                arguments("udf_float_1", true, "true"));
    }

    @ParameterizedTest(name = "{0} = {2}")
    @MethodSource("invalidValues")
    void anInvalidValueIsInvalidParameterNamingTheParameterAndChangesNothing(
            String parameter, Object value, String label) {
        JsonNode lead = leadWithNumbersAndDates();

        refused(lead, update(lead, parameter, value), "INVALID_PARAMETER", 400, parameter);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({"udf_date_1, 2020-02-30", "udf_date_2, 2021-04-31T10:00:00", "start_date, 2021-02-29"})
    void aDayThatItsMonthDoesNotHaveIsInvalidParameterNotMovedToTheEndOfTheMonth(
            String parameter, String date) {
        JsonNode lead = leadWithNumbersAndDates();

        refused(lead, update(lead, parameter, date), "INVALID_PARAMETER", 400, parameter);
    }

    static Stream<Arguments> emptyTexts() {
        return Stream.of(
                arguments("probability_to_win", ""),
                arguments("probability_to_win", "  "),
                arguments("target_amount", ""),
                arguments("udf_float_1", ""),
                arguments("priority", ""),
                arguments("udf_date_1", ""),
                arguments("start_date", ""));
    }

    @ParameterizedTest(name = "{0} = \"{1}\"")
    @MethodSource("emptyTexts")
    void emptyTextForANumberOrADateIsInvalidParameterAndDoesNotClearTheField(
            String parameter, String text) {
        JsonNode lead = leadWithNumbersAndDates();

        refused(lead, update(lead, parameter, text), "INVALID_PARAMETER", 400, parameter);
    }

    static Stream<Arguments> datesNotWrittenAsText() {
        return Stream.of(
                arguments("udf_date_1", List.of(2020, 2, 3, 10, 0), "a list of numbers"),
                arguments("start_date", 1580724000000L, "a number"));
    }

    @ParameterizedTest(name = "{0} as {2}")
    @MethodSource("datesNotWrittenAsText")
    void aDateThatIsNotWrittenAsTextIsInvalidParameter(String parameter, Object value, String label) {
        JsonNode lead = leadWithNumbersAndDates();

        refused(lead, update(lead, parameter, value), "INVALID_PARAMETER", 400, parameter);
    }

    static Stream<Arguments> boundaryValues() {
        return Stream.of(
                arguments("description", "d".repeat(4000), "d".repeat(4000), "4000 characters"),
                arguments("probability_to_win", 0, 0, "0"),
                arguments("probability_to_win", 100, 100, "100"),
                arguments("priority", 1, 1, "1"),
                arguments("target_amount", 0, 0, "0"),
                arguments("udf_string_1", "u".repeat(255), "u".repeat(255), "255 characters"),
                arguments("contact_phone", "123", "123", "3 digits"),
                arguments("contact_phone", "1".repeat(30), "1".repeat(30), "30 digits"),
                arguments("importance", "IMPORTANCE1", "IMPORTANCE1", "IMPORTANCE1"),
                arguments("importance", "CUSTOM3", "CUSTOM3", "CUSTOM3"),
                arguments("udf_date_1", "2020-02-03", "2020-02-03T00:00:00", "2020-02-03"),
                arguments("udf_date_1", "2020-02-29T23:59:59", "2020-02-29T23:59:59", "2020-02-29T23:59:59"));
    }

    @ParameterizedTest(name = "{0} = {3}")
    @MethodSource("boundaryValues")
    void aValueAtTheEdgeOfItsRangeIsAccepted(String parameter, Object value, Object shown, String label) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, parameter, value));

        assertShown(answer, parameter, shown);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    @Test
    void anUnknownParameterIsInvalidParameterNamingItAndChangesNothing() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "description", "valid", "contact_emial", "typo@example.com"),
                "INVALID_PARAMETER", 400, "contact_emial");
    }

    @Test
    void aCategoryThatDoesNotExistIsNotFound400() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "category_identifier", Map.of("name", "Nope")),
                "NOT_FOUND", 400, "category_identifier");
    }

    @Test
    void identifierNamesMatchExactlyWithCase() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "category_identifier", Map.of("name", "new customer")),
                "NOT_FOUND", 400, "category_identifier");
    }

    static Stream<Arguments> malformedCategoryIdentifiers() {
        return Stream.of(
                arguments(Map.of("name", "New Customer", "code", "NC"), "two identifying fields"),
                arguments(Map.of(), "no identifying field"),
                arguments(Map.of("alternative_code", "NC"), "a field that does not identify a category"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("malformedCategoryIdentifiers")
    void aCategoryIdentifierWithoutExactlyOneIdentifyingFieldIsInvalidIdentifier(
            Map<String, String> identifier, String label) {
        JsonNode lead = newLead();

        refused(lead, update(lead, "category_identifier", identifier), "INVALID_IDENTIFIER", 400,
                "category_identifier");
    }

    @Test
    void aStatusThatDoesNotExistIsNotFound400() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "status_identifier", Map.of("name", "Nope")),
                "NOT_FOUND", 400, "status_identifier");
    }

    @Test
    void anUpdateOfALeadThatDoesNotExistIsNotFound404() {
        ObjectNode request = body(supervisor);
        request.set("lead_identifier", json.valueToTree(Map.of("number", "987654321")));
        request.put("description", "nobody reads this");

        Answer answer = send(request).fails("NOT_FOUND", 404);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void anUpdateWithoutLeadIdentifierIsInvalidParameter() {
        ObjectNode request = body(supervisor);
        request.put("description", "which lead?");

        Answer answer = send(request).fails("INVALID_PARAMETER", 400);

        assertThat(answer.description()).isEqualTo("lead_identifier");
    }

    @Test
    void aLeadIdentifierWithTwoIdentifyingFieldsIsInvalidIdentifier() {
        JsonNode lead = newLead();
        ObjectNode request = update(lead, "description", "two ways");
        request.set("lead_identifier", json.valueToTree(Map.of("number", lead.path("number").asText(),
                "id", lead.path("id").asText())));

        refused(lead, request, "INVALID_IDENTIFIER", 400, "lead_identifier");
    }

    // ------------------------------------------------------------------------------------ leads/update: atomicity

    @Test
    void oneInvalidParameterRefusesTheWholeCallAndTheValidOneIsNotApplied() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "contact_email", "valid@example.com", "priority", 9),
                "INVALID_PARAMETER", 400, "priority");
    }

    @Test
    void aMandatoryFieldSetToNullRefusesTheWholeCall() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "description", "valid", "udf_string_4", "valid", "importance", null),
                "INVALID_PARAMETER", 400, "importance");
    }

    @Test
    void aBrokenStatusRuleRefusesTheFieldChangesOfTheSameCall() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "description", "valid", "priority", 1,
                        "lost_reason_identifier", Map.of("name", "Price")),
                "INVALID_PARAMETER", 400, "lost_reason_identifier");
    }

    @Test
    void anUnknownReferenceRefusesAStatusMoveInTheSameCall() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "status_identifier", Map.of("name", "Won"),
                        "category_identifier", Map.of("name", "Nope")),
                "NOT_FOUND", 400, "category_identifier");
    }

    // ---------------------------------------------------------------------------------- leads/update: status rules

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

    // ------------------------------------------------------------------------------------------------ seed leads

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
        assertThat(fieldNames(lead)).containsAll(LEAD_COMPLETE_FIELDS);
        assertThat(showBy("id=" + id).ok().data()).isEqualTo(lead);
    }

    // --------------------------------------------------------------------------------------------------- helpers

    private JsonNode newLead() {
        return createLead(admin, Map.of());
    }

    private JsonNode newLead(Map<String, Object> extra) {
        return createLead(admin, extra);
    }

    /** A lead with a value in every field that a refused value could clear by mistake. */
    private JsonNode leadWithNumbersAndDates() {
        return newLead(Map.of("probability_to_win", 30, "target_amount", 10, "udf_float_1", 1.5,
                "udf_date_1", "2020-01-01T00:00:00", "udf_date_2", "2020-01-01T00:00:00",
                "start_date", "2020-01-01T00:00:00", "contact_email", "set@example.com"));
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

    private Answer create(ObjectNode request) {
        return post("/leads/create", request);
    }

    private Answer show(JsonNode lead) {
        return showBy("number=" + lead.path("number").asText());
    }

    /** The sequence number of the lead's latest event, as its history tells: what its version must be. */
    private long latestEventOf(JsonNode lead) {
        JsonNode history = get("/leads/history", Map.of("token", admin, "lead_identifier",
                "number=" + lead.path("number").asText(), "records_per_page", "1000")).ok().data();
        long latest = -1;
        for (JsonNode entry : history) {
            latest = Math.max(latest, entry.path("sequence_number").asLong());
        }
        return latest;
    }

    private Answer showBy(String leadIdentifier) {
        return get("/leads/show", Map.of("token", admin, "lead_identifier", leadIdentifier));
    }

    private Answer send(ObjectNode request) {
        return post("/leads/update", request);
    }

    private static void assertShown(JsonNode lead, String field, Object expected) {
        JsonNode shown = lead.path(field);
        if (expected instanceof Number number) {
            assertThat(shown.isNumber()).as("%s is a number: %s", field, shown).isTrue();
            assertThat(shown.decimalValue()).as(field).isEqualByComparingTo(new BigDecimal(number.toString()));
            if (expected instanceof Integer && field.equals("priority")) {
                assertThat(shown.isIntegralNumber()).as("%s is a whole number: %s", field, shown).isTrue();
            }
        } else {
            assertThat(shown.isTextual()).as("%s is text: %s", field, shown).isTrue();
            assertThat(shown.asText()).as(field).isEqualTo(expected);
        }
    }

    /** A date of the answer, written as the contract says, between two moments (the service's zone is UTC). */
    private static void assertWithin(JsonNode date, LocalDateTime from, LocalDateTime to) {
        assertThat(date.isTextual()).as("a date: %s", date).isTrue();
        assertThat(date.asText()).matches(DATE_FORMAT);
        assertThat(LocalDateTime.parse(date.asText())).isBetween(from.truncatedTo(SECONDS), to);
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
