package com.crm.leads.app.auth;

import com.crm.leads.app.config.LeadsProperties;
import com.crm.leads.app.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Locks sign-ins for a username, and for a client address, after too many failures (contract section 2). The counts
 * live in the database, so every instance on it sees the same ones.
 *
 * <p>An attempt is counted as a failure <em>before</em> its password is checked, in one short transaction that also
 * refuses it if a lock is on; a success then takes its count back. Counting after the check would let a client
 * that sends its guesses in parallel have them all checked before the first failure is written.
 */
@Component
public class SignInLimits {

    /** One counted attempt: what {@link #succeeded} takes back. */
    public record Attempt(List<Subject> subjects) {
    }

    /** A username or an address, with the number of failures that locks it. */
    record Subject(String hash, int failuresToLock, boolean clearedBySuccess) {
    }

    private record Count(int failures, Instant lastFailureAt, Instant lockedUntil) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final LeadsProperties.SignIns settings;
    private final Clock clock;
    private final Counter failures;
    private final Counter refused;

    SignInLimits(JdbcTemplate jdbc, TransactionTemplate transactions, LeadsProperties properties, Clock clock,
                 MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = properties.signIns();
        this.clock = clock;
        this.failures = Counter.builder("leads.sign_in.failures")
                .description("Sign-ins and password changes refused for wrong credentials").register(metrics);
        this.refused = Counter.builder("leads.sign_in.throttled")
                .description("Sign-ins refused with TOO_MANY_ATTEMPTS while a username or address is locked")
                .register(metrics);
    }

    /**
     * Counts a sign-in attempt for {@code username} (if any) from {@code address}, or refuses it with
     * {@code TOO_MANY_ATTEMPTS} while either is locked. Refused attempts are not counted: a lock's length is set by
     * the failures that led to it, not by how often a client knocks while it lasts.
     */
    public Attempt begin(String username, String address) {
        List<Subject> subjects = new ArrayList<>();
        if (username != null) {
            subjects.add(new Subject(Sha256.hex("username:" + username), settings.failuresPerUsername(), true));
        }
        subjects.add(new Subject(Sha256.hex("address:" + address), settings.failuresPerAddress(), false));
        // rows are always locked in the same order, so two attempts on the same pair cannot deadlock
        subjects.sort(Comparator.comparing(Subject::hash));
        Attempt attempt = new Attempt(List.copyOf(subjects));
        Instant now = clock.instant();
        Optional<Instant> lockedUntil;
        try {
            lockedUntil = transactions.execute(status -> countOrRefuse(attempt, now));
        } catch (DataIntegrityViolationException firstRowRace) {
            // another instance inserted the same subject's first row a moment ago: its row is there now
            lockedUntil = transactions.execute(status -> countOrRefuse(attempt, now));
        }
        lockedUntil.ifPresent(until -> {
            refused.increment();
            throw ApiException.tooManyAttempts(Duration.between(now, until),
                    "too many failed sign-ins for this username or from this address");
        });
        return attempt;
    }

    /** An attempt's credentials were wrong: counted already, and now in the metrics; answers {@code refusal}. */
    public ApiException failed(ApiException refusal) {
        failures.increment();
        return refusal;
    }

    /** The attempt's credentials were right: the username's count is cleared and the address's attempt taken back. */
    public void succeeded(Attempt attempt) {
        transactions.executeWithoutResult(status -> attempt.subjects().forEach(subject -> {
            if (subject.clearedBySuccess()) {
                jdbc.update("DELETE FROM sign_in_failures WHERE subject_hash = ?", subject.hash());
            } else {
                jdbc.update("UPDATE sign_in_failures SET failures = failures - 1, locked_until = CASE WHEN "
                                + "failures - 1 < ? THEN NULL ELSE locked_until END WHERE subject_hash = ? AND failures > 0",
                        subject.failuresToLock(), subject.hash());
            }
        }));
    }

    /** Deletes the counts that no longer lock anything nor add to a future lock; true if it may have left some. */
    public boolean purge(int batch) {
        Timestamp forgotten = Timestamp.from(clock.instant().minus(settings.window()));
        return jdbc.update("DELETE FROM sign_in_failures WHERE subject_hash IN (SELECT subject_hash FROM "
                + "sign_in_failures WHERE last_failure_at < ? AND (locked_until IS NULL OR locked_until < ?) "
                + "FETCH FIRST " + batch + " ROWS ONLY)", forgotten, forgotten) == batch;
    }

    private Optional<Instant> countOrRefuse(Attempt attempt, Instant now) {
        List<Optional<Count>> counts = attempt.subjects().stream().map(this::lockedCount).toList();
        Optional<Instant> lockedUntil = counts.stream().flatMap(Optional::stream).map(Count::lockedUntil)
                .filter(until -> until != null && until.isAfter(now)).max(Comparator.naturalOrder());
        if (lockedUntil.isPresent()) {
            return lockedUntil;
        }
        for (int i = 0; i < counts.size(); i++) {
            Subject subject = attempt.subjects().get(i);
            int failures = counts.get(i).filter(count -> !forgotten(count, now)).map(Count::failures).orElse(0) + 1;
            Timestamp until = failures >= subject.failuresToLock()
                    ? Timestamp.from(now.plus(coolDown(failures - subject.failuresToLock()))) : null;
            if (counts.get(i).isPresent()) {
                jdbc.update("UPDATE sign_in_failures SET failures = ?, last_failure_at = ?, locked_until = ? "
                        + "WHERE subject_hash = ?", failures, Timestamp.from(now), until, subject.hash());
            } else {
                jdbc.update("INSERT INTO sign_in_failures (subject_hash, failures, last_failure_at, locked_until) "
                        + "VALUES (?, ?, ?, ?)", subject.hash(), failures, Timestamp.from(now), until);
            }
        }
        return Optional.empty();
    }

    private Optional<Count> lockedCount(Subject subject) {
        return jdbc.query("SELECT failures, last_failure_at, locked_until FROM sign_in_failures "
                        + "WHERE subject_hash = ? FOR UPDATE",
                (rs, row) -> new Count(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)),
                subject.hash()).stream().findFirst();
    }

    /**
     * A count is forgotten once a whole window has passed without a failure since the last failure or the end of
     * the last lock, whichever is later: measured from the failure alone, a lock longer than the window would
     * always end with the count forgotten, and the cool-down could never grow past the window.
     */
    private boolean forgotten(Count count, Instant now) {
        Instant quietSince = count.lockedUntil() != null && count.lockedUntil().isAfter(count.lastFailureAt())
                ? count.lockedUntil() : count.lastFailureAt();
        return quietSince.isBefore(now.minus(settings.window()));
    }

    /** The first cool-down, doubled for each failure past the one that locked, up to the longest. */
    private Duration coolDown(int failuresPastLock) {
        Duration longest = settings.longestCoolDown();
        Duration coolDown = settings.firstCoolDown();
        for (int i = 0; i < failuresPastLock && coolDown.compareTo(longest) < 0; i++) {
            coolDown = coolDown.multipliedBy(2);
        }
        return coolDown.compareTo(longest) < 0 ? coolDown : longest;
    }
}
