package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Section 2 of the contract over HTTP: signing in, the token's user and unit, refusals that do not tell a wrong
 * password from an unknown user, releasing a token, and the token every other method needs (also for the
 * catalogue listing of section 6).
 *
 * <p>Expiry a fixed time after issue is not tested here: the shared context's clock is the system clock and its
 * lifetime is 2 hours, so it is tested on {@code Tokens} itself with a clock the test moves ({@code TokensTest}).
 */
class AuthenticationApiTest extends ApiTest {

    private static final String ADMIN_UNIT_ID = "48305F8849E3C18B227C5BE3A27BA6DF";
    private static final String SALES_UNIT_ID = "5A54B615CB2A4B218A68259053A555FB";

    /** Well-formed (32 hex characters) but never issued. */
    private static final String UNKNOWN_TOKEN = "0123456789ABCDEF0123456789ABCDEF";

    private Answer signIn(String username, String password, String organisation) {
        return post("/authentication/token", credentials(username, password, organisation));
    }

    private Map<String, Object> credentials(String username, String password, String organisation) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("password", password);
        body.put("organisation", organisation);
        return body;
    }

    private Answer signInTo(String username, Map<String, String> unit) {
        Map<String, Object> body = credentials(username, "dev-password", "CRM");
        body.put("unit", unit);
        return post("/authentication/token", body);
    }

    private Answer statuses(String token) {
        return get("/catalogue/statuses", Map.of("token", token));
    }

    // --- issuing ---

    @Test
    void theRightCredentialsGiveA128BitTokenThatExpiresTwoHoursLaterWithItsUserAndUnit() {
        LocalDateTime before = LocalDateTime.now(ZoneOffset.UTC);

        Answer answer = signIn("MPAdministrator", "dev-password", "CRM").ok();

        JsonNode data = answer.data();
        assertThat(data.path("token").asText()).matches("[0-9A-Fa-f]{32}");
        LocalDateTime expires = LocalDateTime.parse(data.path("expiration_date").asText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
        assertThat(expires).isCloseTo(before.plusHours(2), within(1, ChronoUnit.MINUTES));
        assertThat(data.path("user").path("id").asText()).isEqualTo("1");
        assertThat(data.path("user").path("username").asText()).isEqualTo("MPAdministrator");
        assertThat(data.path("user").path("person_name").asText()).isEqualTo("CRM COM");
        assertThat(data.path("unit").path("id").asText()).isEqualTo(ADMIN_UNIT_ID);
        assertThat(data.path("unit").path("name").asText()).isEqualTo("Admin Unit");
    }

    @Test
    void theTokenAnswerCarriesNoPasswordHash() {
        Answer answer = signIn("supervisor", "dev-password", "CRM").ok();

        String raw = answer.response().body();
        assertThat(raw).doesNotContain("password").doesNotContain("$2a$").doesNotContain("$2b$");
        assertThat(answer.data().path("user").has("password_hash")).isFalse();
    }

    @Test
    void aUserWhoNamesNoUnitActsInTheirDefaultUnit() {
        JsonNode data = signIn("supervisor", "dev-password", "CRM").ok().data();

        assertThat(data.path("user").path("username").asText()).isEqualTo("supervisor");
        assertThat(data.path("unit").path("id").asText()).isEqualTo(ADMIN_UNIT_ID);
    }

    @Test
    void aUnitTheUserBelongsToBecomesTheTokensUnit() {
        JsonNode data = signInTo("supervisor", Map.of("name", "Sales Unit")).ok().data();

        assertThat(data.path("unit").path("id").asText()).isEqualTo(SALES_UNIT_ID);
        assertThat(data.path("unit").path("name").asText()).isEqualTo("Sales Unit");
        assertThat(statuses(data.path("token").asText()).ok().data().isArray()).isTrue();
    }

    @Test
    void aUnitTheUserDoesNotBelongToIsRefused() {
        signInTo("mariosmtest", Map.of("name", "Sales Unit")).fails("INVALID_CREDENTIALS", 401);
        signInTo("MPAdministrator", Map.of("alternative_code", "salesunit")).fails("INVALID_CREDENTIALS", 401);
    }

    @Test
    void aWrongPasswordAnUnknownUserAndAWrongOrganisationGetTheSameAnswer() {
        Answer wrongPassword = signIn("MPAdministrator", "not-the-password", "CRM")
                .fails("INVALID_CREDENTIALS", 401);
        Answer unknownUser = signIn("nobody-by-this-name", "dev-password", "CRM")
                .fails("INVALID_CREDENTIALS", 401);
        Answer wrongOrganisation = signIn("MPAdministrator", "dev-password", "Another Organisation")
                .fails("INVALID_CREDENTIALS", 401);
        Answer noPassword = signIn("MPAdministrator", null, "CRM").fails("INVALID_CREDENTIALS", 401);

        assertThat(wrongPassword.body().path("status").path("message").asText()).isNotBlank();
        for (Answer other : List.of(unknownUser, wrongOrganisation, noPassword)) {
            assertThat(other.body()).isEqualTo(wrongPassword.body());
        }
    }

    @Test
    void twoSignInsGiveTwoDifferentTokensThatBothWork() {
        String first = token();
        String second = token();

        assertThat(first).isNotEqualTo(second);
        statuses(first).ok();
        statuses(second).ok();
    }

    // --- releasing ---

    @Test
    void aReleasedTokenStopsWorkingAtOnce() {
        String token = token();
        statuses(token).ok();

        post("/authentication/token/release", Map.of("token", token)).ok();

        statuses(token).fails("INVALID_TOKEN", 401);
        get("/leads/show", Map.of("token", token, "lead_identifier", "number=69")).fails("INVALID_TOKEN", 401);
        post("/authentication/token/release", Map.of("token", token)).fails("INVALID_TOKEN", 401);
    }

    @Test
    void releasingATokenLeavesTheUsersOtherTokensWorking() {
        String released = token();
        String kept = token();

        post("/authentication/token/release", Map.of("token", released)).ok();

        statuses(kept).ok();
    }

    @Test
    void releasingATokenThatWasNeverIssuedIsAnInvalidToken() {
        post("/authentication/token/release", Map.of("token", UNKNOWN_TOKEN)).fails("INVALID_TOKEN", 401);
    }

    // --- every other method needs a valid token ---

    @Test
    void leadsShowWithoutATokenIsAnInvalidToken() {
        get("/leads/show", Map.of("lead_identifier", "number=69")).fails("INVALID_TOKEN", 401);
    }

    @Test
    void leadsShowWithAnUnknownTokenIsAnInvalidToken() {
        get("/leads/show", Map.of("token", UNKNOWN_TOKEN, "lead_identifier", "number=69"))
                .fails("INVALID_TOKEN", 401);
    }

    @Test
    void leadsShowWithAValidTokenFindsTheLead() {
        JsonNode lead = get("/leads/show", Map.of("token", token(), "lead_identifier", "number=69")).ok().data();

        assertThat(lead.path("number").asText()).isEqualTo("69");
    }

    @Test
    void leadsUpdateWithoutATokenIsAnInvalidTokenAndChangesNothing() {
        JsonNode before = showLead69();
        ObjectNode request = json.createObjectNode();
        request.set("lead_identifier", json.createObjectNode().put("number", "69"));
        request.put("description", "changed without a token");

        post("/leads/update", request).fails("INVALID_TOKEN", 401);

        assertThat(showLead69().path("version")).isEqualTo(before.path("version"));
    }

    @Test
    void leadsUpdateWithAnUnknownTokenIsAnInvalidTokenAndChangesNothing() {
        JsonNode before = showLead69();
        ObjectNode request = body(UNKNOWN_TOKEN);
        request.set("lead_identifier", json.createObjectNode().put("number", "69"));
        request.put("description", "changed with an unknown token");

        post("/leads/update", request).fails("INVALID_TOKEN", 401);

        assertThat(showLead69().path("version")).isEqualTo(before.path("version"));
    }

    @Test
    void theCatalogueWithoutATokenIsAnInvalidToken() {
        get("/catalogue/statuses", Map.of()).fails("INVALID_TOKEN", 401);
    }

    @Test
    void theCatalogueWithAnUnknownTokenIsAnInvalidToken() {
        statuses(UNKNOWN_TOKEN).fails("INVALID_TOKEN", 401);
    }

    private JsonNode showLead69() {
        return get("/leads/show", Map.of("token", token(), "lead_identifier", "number=69")).ok().data();
    }

    // --- the catalogue listing ---

    @Test
    void theCatalogueListsTheStatusesWithTheirClassification() {
        JsonNode statuses = statuses(token()).ok().data();

        assertThat(statuses.isArray()).isTrue();
        assertThat(status(statuses, "Reach").path("alternative_code").asText()).isEqualTo("RCH");
        assertThat(status(statuses, "Reach").path("life_cycle_state").asText()).isEqualTo("PENDING");
        assertThat(status(statuses, "Won").path("life_cycle_state").asText()).isEqualTo("WON");
        assertThat(status(statuses, "Lost").path("life_cycle_state").asText()).isEqualTo("LOST");
    }

    private static JsonNode status(JsonNode statuses, String name) {
        for (JsonNode status : statuses) {
            if (status.path("name").asText().equals(name)) {
                return status;
            }
        }
        throw new AssertionError("no status " + name + " in " + statuses);
    }

    @Test
    void theCatalogueListsUsersWithoutTheirPasswordHashes() {
        Answer answer = get("/catalogue/users", Map.of("token", token())).ok();

        assertThat(answer.data()).hasSize(3);
        assertThat(answer.data().findValuesAsText("username"))
                .containsExactlyInAnyOrder("MPAdministrator", "mariosmtest", "supervisor");
        assertThat(answer.response().body()).doesNotContain("password").doesNotContain("$2a$");
    }

    @Test
    void anUnknownCatalogueKindIsNotFound() {
        get("/catalogue/nothing_of_the_kind", Map.of("token", token())).fails("NOT_FOUND", 404);
    }
}
