package com.crm.leads.app.auth;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.app.catalogue.StoredCatalogue;
import com.crm.leads.app.config.JsonConfiguration;
import com.crm.leads.app.config.LeadsProperties;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ErrorCode;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A token expires a fixed time after it was issued, whether used or not (contract, section 2). The HTTP tests share
 * one Spring context with the system clock and a 2-hour lifetime, so expiry is tested here: the real {@code Tokens}
 * on a real database (an in-memory H2 with the service's own Flyway migrations), the default catalogue imported as
 * the service imports it, and a clock the test moves.
 */
class TokensTest {

    private static final Instant ISSUED_AT = Instant.parse("2030-01-15T10:00:00Z");
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final MovableClock clock = new MovableClock(ISSUED_AT);
    private JdbcTemplate jdbc;
    private StoredCatalogue catalogue;
    private Actor administrator;

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the service's clock is UTC");
        }
    }

    @BeforeEach
    void aFreshDatabaseAndTheDefaultCatalogue() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:tokens-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        catalogue = defaultCatalogue(properties(Duration.ofHours(2)), jdbc, dataSource);
        administrator = new Actor(catalogue.find(User.class, "1").orElseThrow(),
                catalogue.find(Unit.class, "48305F8849E3C18B227C5BE3A27BA6DF").orElseThrow(), true);
    }

    /** The service's settings, with their defaults but for the token lifetime. */
    private static LeadsProperties properties(Duration tokenLifetime) {
        return new Binder(new MapConfigurationPropertySource(Map.of("leads.token-lifetime", tokenLifetime.toString())))
                .bindOrCreate("leads", LeadsProperties.class);
    }

    /** The default catalogue, imported into {@code jdbc}'s database as the service imports it. */
    private static StoredCatalogue defaultCatalogue(LeadsProperties properties, JdbcTemplate jdbc,
                                                    DataSource dataSource) {
        Jackson2ObjectMapperBuilder builder = Jackson2ObjectMapperBuilder.json();
        JsonConfiguration.wireFormat(properties.zone()).customize(builder);
        return new StoredCatalogue(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                properties, builder.build(), Clock.systemUTC());
    }

    private Tokens tokens(Duration lifetime) {
        return new Tokens(jdbc, catalogue, properties(lifetime), clock);
    }

    private static void assertInvalid(Tokens tokens, String token) {
        assertThatThrownBy(() -> tokens.authenticate(token))
                .isInstanceOfSatisfying(ApiException.class, refusal -> {
                    assertThat(refusal.code()).isEqualTo(ErrorCode.INVALID_TOKEN);
                    assertThat(refusal.parameter()).isEqualTo("token");
                });
    }

    @Test
    void aTokenExpiresTheLifetimeAfterItWasIssued() {
        Tokens.Issued issued = tokens(Duration.ofHours(2)).issue(administrator);

        assertThat(issued.expirationDate()).isEqualTo(ISSUED_AT.plus(Duration.ofHours(2)));
    }

    @Test
    void anUnusedTokenWorksJustBeforeItExpiresAndNotJustAfter() {
        Tokens tokens = tokens(Duration.ofHours(2));
        String token = tokens.issue(administrator).token();

        clock.advance(Duration.ofHours(2).minus(ONE_SECOND));
        Actor actor = tokens.authenticate(token);

        assertThat(actor.user().username()).isEqualTo("MPAdministrator");
        assertThat(actor.unit().name()).isEqualTo("Admin Unit");

        clock.advance(Duration.ofSeconds(2));

        assertInvalid(tokens, token);
    }

    @Test
    void aTokenNeverUsedUntilAfterItsLifetimeIsInvalid() {
        Tokens tokens = tokens(Duration.ofHours(2));
        String token = tokens.issue(administrator).token();

        clock.advance(Duration.ofHours(2).plus(ONE_SECOND));

        assertInvalid(tokens, token);
    }

    @Test
    void usingATokenDoesNotExtendItsLife() {
        Tokens tokens = tokens(Duration.ofHours(2));
        String token = tokens.issue(administrator).token();

        for (int minutes = 0; minutes < 119; minutes++) {
            clock.advance(Duration.ofMinutes(1));
            tokens.authenticate(token);
        }
        clock.advance(Duration.ofSeconds(59));
        tokens.authenticate(token);
        clock.advance(Duration.ofSeconds(2));

        assertInvalid(tokens, token);
    }

    @Test
    void theLifetimeIsTheConfiguredOne() {
        Tokens tokens = tokens(Duration.ofMinutes(15));
        Tokens.Issued issued = tokens.issue(administrator);

        assertThat(issued.expirationDate()).isEqualTo(ISSUED_AT.plus(Duration.ofMinutes(15)));
        clock.advance(Duration.ofMinutes(15).minus(ONE_SECOND));
        tokens.authenticate(issued.token());
        clock.advance(Duration.ofSeconds(2));
        assertInvalid(tokens, issued.token());
    }

    @Test
    void anExpiredTokenDoesNotStopAnotherIssuedLater() {
        Tokens tokens = tokens(Duration.ofHours(2));
        String first = tokens.issue(administrator).token();
        clock.advance(Duration.ofHours(1));
        String second = tokens.issue(administrator).token();

        clock.advance(Duration.ofHours(1).plus(ONE_SECOND));

        assertInvalid(tokens, first);
        assertThat(tokens.authenticate(second).user().id()).isEqualTo("1");
    }

    @Test
    void theDatabaseKeepsNoTokenInClear() {
        String token = tokens(Duration.ofHours(2)).issue(administrator).token();

        assertThat(jdbc.queryForList("SELECT token_hash FROM access_token", String.class))
                .hasSize(1)
                .noneSatisfy(stored -> assertThat(stored).containsIgnoringCase(token));
    }
}
