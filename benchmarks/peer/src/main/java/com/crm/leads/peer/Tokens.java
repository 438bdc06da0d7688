package com.crm.leads.peer;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Issues and checks access tokens: 128 random bits, of which the database keeps only the SHA-256. Every call looks
 * its token up in the database, as the lead service does, so the two pay the same price per request.
 */
@Service
class Tokens {

    /** The request attribute naming the authenticated user, for the audit trail. */
    static final String USERNAME = Tokens.class.getName() + ".username";

    private static final Duration LIFETIME = Duration.ofHours(2);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessTokenRepository tokens;

    Tokens(AccessTokenRepository tokens) {
        this.tokens = tokens;
    }

    String issue(String username) {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().withUpperCase().formatHex(secret);
        tokens.save(new AccessToken(hash(token), username, Instant.now().plus(LIFETIME)));
        return token;
    }

    /** The user the token was issued to; remembered on the current request for the revision it may write. */
    String authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "a token is required; get one from authentication/token");
        }
        String username = tokens.findByTokenHashAndExpiresAtAfter(hash(token), Instant.now())
                .map(AccessToken::getUsername)
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "the token is unknown or expired"));
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(USERNAME, username, RequestAttributes.SCOPE_REQUEST);
        }
        return username;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
