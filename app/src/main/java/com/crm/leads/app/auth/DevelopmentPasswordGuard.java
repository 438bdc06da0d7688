package com.crm.leads.app.auth;

import com.crm.leads.app.catalogue.CatalogueFile;
import com.crm.leads.app.config.LeadsProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AbstractDependsOnBeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.boot.autoconfigure.orm.jpa.EntityManagerFactoryDependsOnPostProcessor;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.List;

/**
 * The service does not start on a real database while a catalogue user can still sign in with the development
 * password that the default catalogue gives everyone. Only the development store, H2, lets it: whatever the
 * profile, so pointing the default profile at PostgreSQL ({@code SPRING_DATASOURCE_URL}) does not slip past it.
 * It judges the users of the database's catalogue with the passwords they sign in with, or, before the catalogue
 * was first imported, the file's users that the import is about to bring in.
 */
@Component
class DevelopmentPasswordGuard {

    private static final String GUARD = "developmentPasswordGuard";

    DevelopmentPasswordGuard(LeadsProperties properties, ObjectMapper json, DataSource database,
                             @Value("${spring.datasource.url}") String databaseUrl) {
        if (databaseUrl.startsWith("jdbc:h2:")) {
            return;
        }
        List<String> unsafe = Passwords.signedInBy(Passwords.DEVELOPMENT_PASSWORD,
                () -> CatalogueFile.read(properties.catalogue(), json).users(), new JdbcTemplate(database));
        if (!unsafe.isEmpty()) {
            throw new DevelopmentPasswordInUse(unsafe);
        }
    }

    /**
     * The guard decides before anything touches the database: a store the service was not set up for (the default
     * profile's H2 migrations and dialect on PostgreSQL) would otherwise fail first, and say nothing of the passwords.
     */
    @Component
    static final class BeforeMigrations extends AbstractDependsOnBeanFactoryPostProcessor {
        BeforeMigrations() {
            super(FlywayMigrationInitializer.class, GUARD);
        }
    }

    @Component
    static final class BeforeJpa extends EntityManagerFactoryDependsOnPostProcessor {
        BeforeJpa() {
            super(GUARD);
        }
    }

    static final class DevelopmentPasswordInUse extends IllegalStateException {

        DevelopmentPasswordInUse(List<String> usernames) {
            super("The catalogue's users " + String.join(", ", usernames) + " still have the development password: "
                    + "the service does not start on this database until each has a password of its own.");
        }
    }

    /** Says what is wrong in the one line of the exception, instead of a stack trace. */
    static final class Analyzer extends AbstractFailureAnalyzer<DevelopmentPasswordInUse> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DevelopmentPasswordInUse cause) {
            return new FailureAnalysis(cause.getMessage(), "Name a catalogue of your own with leads.catalogue "
                    + "(LEADS_CATALOGUE) whose password_hash values are BCrypt hashes of new passwords.", cause);
        }
    }
}
