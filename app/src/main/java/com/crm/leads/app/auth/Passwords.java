package com.crm.leads.app.auth;

import com.crm.leads.app.catalogue.CatalogueFile.CatalogueUser;
import com.crm.leads.app.catalogue.FileCatalogue;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The users' passwords: the catalogue's BCrypt hash of each, unless the user set one of their own with
 * {@code authentication/password}, kept in {@code user_password}.
 */
@Component
public class Passwords {

    /** The password the default catalogue gives every user: for a development machine only. */
    public static final String DEVELOPMENT_PASSWORD = "dev-password";

    private static final int BCRYPT_DEFAULT_COST = 10;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder;

    /**
     * Compared against when the user does not exist. It has the cost of the catalogue's own hashes, so an unknown
     * user costs the same BCrypt work as a wrong password and the answer's timing does not tell which it was.
     */
    private final String noSuchUserHash;

    Passwords(JdbcTemplate jdbc, FileCatalogue catalogue, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.encoder = new BCryptPasswordEncoder(costOf(catalogue.users()));
        byte[] unguessable = new byte[16];
        new SecureRandom().nextBytes(unguessable);
        this.noSuchUserHash = encoder.encode(HexFormat.of().formatHex(unguessable));
    }

    /** Whether {@code password} is {@code user}'s; for no user, false after the same work. */
    boolean matches(CatalogueUser user, String password) {
        String hash = user == null ? noSuchUserHash : hashOf(user);
        return encoder.matches(password == null ? "" : password, hash) && user != null;
    }

    /** Gives {@code user} a new password, from now on in the place of the catalogue's. */
    void change(CatalogueUser user, String newPassword) {
        Timestamp now = Timestamp.from(clock.instant());
        String hash = encoder.encode(newPassword);
        if (jdbc.update("UPDATE user_password SET password_hash = ?, changed_at = ? WHERE user_id = ?",
                hash, now, user.id()) == 0) {
            jdbc.update("INSERT INTO user_password (user_id, password_hash, changed_at) VALUES (?, ?, ?)",
                    user.id(), hash, now);
        }
    }

    /**
     * The usernames among {@code users} that {@code password} signs in, on the database {@code jdbc} reaches. It
     * takes the database as an argument because what must run before the migrations cannot wait for the service's
     * own {@code JdbcTemplate}, which Spring makes only after them.
     */
    static List<String> signedInBy(String password, List<CatalogueUser> users, JdbcTemplate jdbc) {
        Map<String, String> changed = changedHashes(jdbc);
        BCryptPasswordEncoder anyCost = new BCryptPasswordEncoder();
        return users.stream()
                .filter(user -> anyCost.matches(password, changed.getOrDefault(user.id(), user.passwordHash())))
                .map(CatalogueUser::username)
                .toList();
    }

    /** The cost of the dearest hash in {@code users} (the cost is the number between the 2nd and 3rd '$'). */
    static int costOf(List<CatalogueUser> users) {
        return users.stream().map(CatalogueUser::passwordHash)
                .filter(hash -> hash != null && hash.matches("\\$2[aby]?\\$\\d{2}\\$.*"))
                .mapToInt(hash -> Integer.parseInt(hash.substring(hash.indexOf('$', 1) + 1, hash.indexOf('$', 1) + 3)))
                .max().orElse(BCRYPT_DEFAULT_COST);
    }

    String hashOf(CatalogueUser user) {
        return jdbc.query("SELECT password_hash FROM user_password WHERE user_id = ?",
                (rs, row) -> rs.getString(1), user.id()).stream().findFirst().orElse(user.passwordHash());
    }

    /** Every password set in the database; none before its migrations made the table (a new database). */
    private static Map<String, String> changedHashes(JdbcTemplate jdbc) {
        try {
            return jdbc.query("SELECT user_id, password_hash FROM user_password", (rs, row) -> Map.entry(
                    rs.getString(1), rs.getString(2))).stream().collect(Collectors.toMap(Map.Entry::getKey,
                    Map.Entry::getValue));
        } catch (BadSqlGrammarException noTableYet) {
            return Map.of();
        }
    }
}
