package com.crm.leads.app.auth;

import com.crm.leads.app.catalogue.CatalogueFile.CatalogueUser;
import com.crm.leads.app.catalogue.UserEntry;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.catalogue.StoredCatalogue;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The users' passwords: the catalogue's BCrypt hash of each, unless the user set one of their own with
 * {@code authentication/password}, kept in {@code user_password}.
 */
@Component
public class Passwords {

    /** The password the default catalogue gives every user: for a development machine only. */
    public static final String DEVELOPMENT_PASSWORD = "dev-password";

    private static final int BCRYPT_DEFAULT_COST = 10;

    /** The fewest characters a password chosen through the API has. */
    public static final int SHORTEST = 12;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder;

    /**
     * Compared against when the user does not exist. It has the cost of the catalogue's own hashes, so an unknown
     * user costs the same BCrypt work as a wrong password and the answer's timing does not tell which it was.
     */
    private final String noSuchUserHash;

    /** Made once the catalogue, and with it every user's hash, is in the database. */
    Passwords(JdbcTemplate jdbc, StoredCatalogue imported, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.encoder = new BCryptPasswordEncoder(costOf(jdbc.queryForList("SELECT password_hash FROM user_password",
                String.class)));
        byte[] unguessable = new byte[16];
        new SecureRandom().nextBytes(unguessable);
        this.noSuchUserHash = encoder.encode(HexFormat.of().formatHex(unguessable));
    }

    /** Whether {@code password} is {@code user}'s; for no user, or one without a password, false after the same work. */
    boolean matches(UserEntry user, String password) {
        Optional<String> hash = Optional.ofNullable(user).flatMap(this::hashOf);
        return encoder.matches(password == null ? "" : password, hash.orElse(noSuchUserHash)) && hash.isPresent();
    }

    /**
     * Refuses a password a user may not choose: shorter than {@value #SHORTEST} characters, or the development
     * password; {@code parameter} is where the request gave it.
     */
    public static void checkNew(String parameter, String password) {
        if (password == null || password.codePointCount(0, password.length()) < SHORTEST) {
            throw ApiException.invalidParameter(parameter, parameter + " must have at least " + SHORTEST + " characters");
        }
        if (password.equals(DEVELOPMENT_PASSWORD)) {
            throw ApiException.invalidParameter(parameter,
                    parameter + " must not be the development password that every user of the default catalogue has");
        }
    }

    /** Gives the user {@code userId} a new password, checked with {@link #checkNew}. */
    public void change(String userId, String newPassword) {
        Timestamp now = Timestamp.from(clock.instant());
        String hash = encoder.encode(newPassword);
        if (jdbc.update("UPDATE user_password SET password_hash = ?, changed_at = ? WHERE user_id = ?",
                hash, now, userId) == 0) {
            jdbc.update("INSERT INTO user_password (user_id, password_hash, changed_at) VALUES (?, ?, ?)",
                    userId, hash, now);
        }
    }

    /**
     * The usernames that {@code password} signs in, on the database {@code jdbc} reaches: its catalogue's users, or,
     * before the catalogue was first imported, the users of the file the import will read. It takes the database
     * as an argument because what must run before the migrations cannot wait for the service's own
     * {@code JdbcTemplate}, which Spring makes only after them.
     */
    static List<String> signedInBy(String password, Supplier<List<CatalogueUser>> fileUsers, JdbcTemplate jdbc) {
        BCryptPasswordEncoder anyCost = new BCryptPasswordEncoder();
        Map<String, String> hashes = storedHashes(jdbc);
        if (hashes.isEmpty()) {
            return fileUsers.get().stream().filter(user -> anyCost.matches(password, user.passwordHash()))
                    .map(CatalogueUser::username).toList();
        }
        return hashes.entrySet().stream().filter(user -> anyCost.matches(password, user.getValue()))
                .map(Map.Entry::getKey).toList();
    }

    /** The cost of the dearest of {@code hashes} (the cost is the number between the 2nd and 3rd '$'). */
    static int costOf(List<String> hashes) {
        return hashes.stream()
                .filter(hash -> hash != null && hash.matches("\\$2[aby]?\\$\\d{2}\\$.*"))
                .mapToInt(hash -> Integer.parseInt(hash.substring(hash.indexOf('$', 1) + 1, hash.indexOf('$', 1) + 3)))
                .max().orElse(BCRYPT_DEFAULT_COST);
    }

    /** A catalogue file's hash for {@code userId}, taken only if the user has no password yet. */
    public void importHash(String userId, String hash) {
        importHash(jdbc, userId, hash, Timestamp.from(clock.instant()));
    }

    /** As {@link #importHash(String, String)}, on the database {@code jdbc} reaches. */
    public static void importHash(JdbcTemplate jdbc, String userId, String hash, Timestamp now) {
        if (hash != null) {
            jdbc.update("INSERT INTO user_password (user_id, password_hash, changed_at) SELECT ?, ?, ? "
                    + "WHERE NOT EXISTS (SELECT 1 FROM user_password WHERE user_id = ?)", userId, hash, now, userId);
        }
    }

    private Optional<String> hashOf(UserEntry user) {
        return jdbc.queryForList("SELECT password_hash FROM user_password WHERE user_id = ?", String.class, user.id())
                .stream().findFirst();
    }

    /**
     * The hash of each active user of the database's catalogue, by username in the catalogue's order; none before the
     * catalogue was imported, or before the migrations made its tables (a new database).
     */
    private static Map<String, String> storedHashes(JdbcTemplate jdbc) {
        try {
            Map<String, String> hashes = new LinkedHashMap<>();
            jdbc.query("SELECT e.username, p.password_hash FROM catalogue_entry e JOIN user_password p "
                            + "ON p.user_id = e.id WHERE e.kind = 'users' AND e.active ORDER BY e.id",
                    (RowCallbackHandler) rs -> hashes.put(rs.getString(1), rs.getString(2)));
            return hashes;
        } catch (BadSqlGrammarException noTablesYet) {
            return Map.of();
        }
    }
}
