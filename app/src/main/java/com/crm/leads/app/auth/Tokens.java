package com.crm.leads.app.auth;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.app.catalogue.UserEntry;
import com.crm.leads.app.catalogue.StoredCatalogue;
import com.crm.leads.app.config.LeadsProperties;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ErrorCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;

/**
 * Issues and checks access tokens. A token is 128 random bits; the database keeps only its SHA-256, so a copy of
 * the database gives no one a usable token, and every instance on the same database accepts every token.
 */
@Component
public class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final StoredCatalogue catalogue;
    private final LeadsProperties properties;
    private final Clock clock;

    Tokens(JdbcTemplate jdbc, StoredCatalogue catalogue, LeadsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.properties = properties;
        this.clock = clock;
    }

    /** An issued token and when it stops working. */
    public record Issued(String token, Instant expirationDate) {
    }

    Issued issue(Actor actor) {
        byte[] secret = new byte[16];
        RANDOM.nextBytes(secret);
        String token = HexFormat.of().withUpperCase().formatHex(secret);
        Instant expires = clock.instant().plus(properties.tokenLifetime());
        jdbc.update("INSERT INTO access_token (token_hash, user_id, unit_id, expires_at) VALUES (?, ?, ?, ?)",
                hash(token), actor.user().id(), actor.unit().id(), Timestamp.from(expires));
        return new Issued(token, expires);
    }

    /** Ends a token at once; releasing an unknown or ended token is the same {@code INVALID_TOKEN}. */
    void release(String token) {
        authenticate(token);
        jdbc.update("DELETE FROM access_token WHERE token_hash = ?", hash(token));
    }

    /** Ends every token of {@code userId} but {@code kept}: what a password change leaves signed in. */
    void endOthers(String userId, String kept) {
        jdbc.update("DELETE FROM access_token WHERE user_id = ? AND token_hash <> ?", userId, hash(kept));
    }

    /** Deletes expired tokens (released ones are deleted at once); true if it may have left some. */
    public boolean purge(int batch) {
        return jdbc.update("DELETE FROM access_token WHERE token_hash IN (SELECT token_hash FROM access_token "
                + "WHERE expires_at <= ? FETCH FIRST " + batch + " ROWS ONLY)", Timestamp.from(clock.instant())) == batch;
    }

    /**
     * The actor of a valid token; a missing, unknown, released or expired one is {@code INVALID_TOKEN}. Every call
     * with a token passes here, so this is where the answer learns whom it is written for ({@link PersonalData}).
     */
    public Actor authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw invalid("a token is required; get one from authentication/token");
        }
        return jdbc.query("SELECT user_id, unit_id FROM access_token WHERE token_hash = ? AND expires_at > ?",
                        (rs, row) -> actor(rs.getString(1), rs.getString(2)),
                        hash(token), Timestamp.from(clock.instant()))
                .stream().findFirst().map(PersonalData::answerFor)
                .orElseThrow(() -> invalid("the token is unknown, released or expired"));
    }

    private Actor actor(String userId, String unitId) {
        if (!catalogue.activeUser(userId)) {
            throw invalid("the token's user is no longer active");
        }
        UserEntry user = catalogue.user(userId)
                .orElseThrow(() -> invalid("the token's user no longer exists"));
        Unit unit = catalogue.find(Unit.class, unitId).orElseThrow(() -> invalid("the token's unit no longer exists"));
        return Actor.of(catalogue, user, unit);
    }

    private static ApiException invalid(String message) {
        return new ApiException(ErrorCode.INVALID_TOKEN, "token", message);
    }

    private static String hash(String token) {
        return Sha256.hex(token);
    }
}
