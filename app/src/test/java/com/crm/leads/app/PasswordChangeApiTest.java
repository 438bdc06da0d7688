package com.crm.leads.app;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 2's {@code authentication/password} over HTTP: the new password signs in and the old one no longer does,
 * every other token of the user ends, and a refused change changes nothing.
 */
class PasswordChangeApiTest extends SignInApiTest {

    private static final String NEW_PASSWORD = "a long new password";

    @Test
    void theNewPasswordSignsInTheOldOneNoLongerDoesAndTheUsersOtherTokensEnd() {
        String user = anotherUser();
        String changing = tokenOf(user);
        String other = tokenOf(user);
        String someoneElses = token("supervisor");

        change(changing, password(), NEW_PASSWORD).ok();

        signIn(anotherAddress(), user, password()).fails("INVALID_CREDENTIALS", 401);
        signIn(anotherAddress(), user, NEW_PASSWORD).ok();
        statuses(other).fails("INVALID_TOKEN", 401);
        statuses(changing).ok();
        statuses(someoneElses).ok();
    }

    @Test
    void aNewPasswordShorterThanTwelveCharactersOrTheDevelopmentOneIsRefusedAndChangesNothing() {
        String user = anotherUser();
        String token = tokenOf(user);
        String other = tokenOf(user);

        Answer tooShort = change(token, password(), "eleven char").fails("INVALID_PARAMETER", 400);
        Answer development = change(token, password(), "dev-password").fails("INVALID_PARAMETER", 400);
        Answer missing = change(token, password(), null).fails("INVALID_PARAMETER", 400);

        assertThat(tooShort.description()).isEqualTo("new_password");
        assertThat(tooShort.message()).isEqualTo("new_password must have at least 12 characters");
        assertThat(development.description()).isEqualTo("new_password");
        assertThat(missing.description()).isEqualTo("new_password");
        signIn(anotherAddress(), user, password()).ok();
        statuses(other).ok();
    }

    @Test
    void aWrongOldPasswordIsRefusedChangesNothingAndCountsAsAFailedSignIn() {
        String user = anotherUser();
        String token = tokenOf(user);

        Answer wrong = change(token, "not-the-password", NEW_PASSWORD).fails("INVALID_CREDENTIALS", 401);
        assertThat(wrong.description()).isEqualTo("old_password");
        for (int failure = 2; failure <= 5; failure++) {
            change(token, "not-the-password", NEW_PASSWORD).fails("INVALID_CREDENTIALS", 401);
        }

        change(token, password(), NEW_PASSWORD).fails("TOO_MANY_ATTEMPTS", 429);
        signIn(anotherAddress(), user, password()).fails("TOO_MANY_ATTEMPTS", 429);
        statuses(token).ok();
    }

    @Test
    void aChangeNeedsAValidToken() {
        change("0123456789ABCDEF0123456789ABCDEF", password(), NEW_PASSWORD).fails("INVALID_TOKEN", 401);
        change(null, password(), NEW_PASSWORD).fails("INVALID_TOKEN", 401);
    }

    private String tokenOf(String user) {
        return signIn(anotherAddress(), user, password()).ok().data().path("token").asText();
    }

    private Answer change(String token, String oldPassword, String newPassword) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        body.put("old_password", oldPassword);
        body.put("new_password", newPassword);
        return postWithHeaders("/authentication/password", body, "X-Forwarded-For", anotherAddress());
    }

    private Answer statuses(String token) {
        return get("/catalogue/statuses", Map.of("token", token));
    }
}
