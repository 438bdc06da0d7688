package com.crm.leads.app;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 2's throttling over HTTP: five failed sign-ins lock a username, fifty (eight here) lock a client address,
 * a lock refuses even the right password with {@code TOO_MANY_ATTEMPTS} and {@code Retry-After}, its cool-down
 * doubles with each further failure up to the longest, and a success clears the username's count. Two instances on
 * one PostgreSQL share the counts: {@code MultiInstancePostgresTest}.
 */
class SignInLimitsApiTest extends SignInApiTest {

    private static final String WRONG = "not-the-password";

    @Test
    void theSixthSignInAfterFiveWrongPasswordsIsRefusedEvenWithTheRightPasswordUntilTheCoolDownEnds()
            throws InterruptedException {
        String user = anotherUser();
        for (int failure = 1; failure <= 5; failure++) {
            signIn(anotherAddress(), user, WRONG).fails("INVALID_CREDENTIALS", 401);
        }

        Answer refused = signIn(anotherAddress(), user, password()).fails("TOO_MANY_ATTEMPTS", 429);

        assertThat(retryAfter(refused)).isBetween(1L, 2L);
        assertThat(refused.message()).isEqualTo("too many failed sign-ins for this username or from this address");
        eventually(() -> signIn(anotherAddress(), user, password()), answer -> answer.status() == 200);
    }

    @Test
    void anUnknownUsernameIsLockedAsAKnownOneIsWithTheSameAnswers() {
        List<String> known = answersToSixWrongPasswords(anotherUser());
        List<String> unknown = answersToSixWrongPasswords("nobody-" + anotherUser());

        assertThat(unknown).isEqualTo(known).hasSize(6).last().asString().startsWith("429 TOO_MANY_ATTEMPTS");
    }

    @Test
    void aSuccessfulSignInClearsTheUsernamesCount() {
        String user = anotherUser();
        for (int failure = 1; failure <= 4; failure++) {
            signIn(anotherAddress(), user, WRONG).fails("INVALID_CREDENTIALS", 401);
        }
        signIn(anotherAddress(), user, password()).ok();

        for (int failure = 1; failure <= 4; failure++) {
            signIn(anotherAddress(), user, WRONG).fails("INVALID_CREDENTIALS", 401);
        }
        signIn(anotherAddress(), user, password()).ok();
    }

    @Test
    void eachFailureAfterALockDoublesTheCoolDownUpToTheLongest() throws InterruptedException {
        String user = anotherUser();
        for (int failure = 1; failure <= 5; failure++) {
            signIn(anotherAddress(), user, WRONG).fails("INVALID_CREDENTIALS", 401);
        }

        Answer first = signIn(anotherAddress(), user, WRONG).fails("TOO_MANY_ATTEMPTS", 429);
        Answer second = afterTheLockAnotherFailure(user);
        Answer third = afterTheLockAnotherFailure(user);

        assertThat(retryAfter(first)).as("first cool-down, 2 s").isBetween(1L, 2L);
        assertThat(retryAfter(second)).as("doubled, 4 s").isBetween(3L, 4L);
        assertThat(retryAfter(third)).as("doubled again, but the longest is 5 s").isBetween(4L, 5L);
    }

    @Test
    void anAddressIsLockedAcrossUsernamesWhileOtherAddressesAreNot() {
        String address = anotherAddress();
        for (int failure = 1; failure <= 8; failure++) {
            signIn(address, "nobody-" + anotherUser(), WRONG).fails("INVALID_CREDENTIALS", 401);
        }
        String user = anotherUser();

        Answer refused = signIn(address, user, password()).fails("TOO_MANY_ATTEMPTS", 429);

        assertThat(retryAfter(refused)).isBetween(1L, 2L);
        signIn(anotherAddress(), user, password()).ok();
    }

    @Test
    void guessesSentAllAtOnceHaveNoMoreThanFiveOfThemChecked() throws Exception {
        String user = anotherUser();
        List<Future<Answer>> guesses = new ArrayList<>();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        for (int guess = 0; guess < 20; guess++) {
            String address = anotherAddress();
            guesses.add(clients.submit(() -> signIn(address, user, WRONG)));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Answer> guess : guesses) {
            statuses.add(guess.get().status());
        }
        clients.shutdown();

        assertThat(statuses).filteredOn(status -> status == 401).hasSize(5);
        assertThat(statuses).filteredOn(status -> status == 429).hasSize(15);
    }

    /** Waits out the user's lock, then fails once more; the answer of the sign-in after that one. */
    private Answer afterTheLockAnotherFailure(String user) throws InterruptedException {
        eventually(() -> signIn(anotherAddress(), user, WRONG), answer -> answer.status() == 401);
        return signIn(anotherAddress(), user, WRONG).fails("TOO_MANY_ATTEMPTS", 429);
    }

    private List<String> answersToSixWrongPasswords(String username) {
        List<String> answers = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            Answer answer = signIn(anotherAddress(), username, WRONG);
            answers.add(answer.status() + " " + answer.code() + " " + answer.message() + " "
                    + answer.response().headers().firstValue("Retry-After").isPresent());
        }
        return answers;
    }

    private static long retryAfter(Answer answer) {
        return Long.parseLong(answer.response().headers().firstValue("Retry-After").orElseThrow());
    }
}
