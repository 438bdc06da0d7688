package com.crm.leads.app.catalogue;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Profile;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The production profile does not start while a catalogue user can still sign in with the development password
 * that the default catalogue gives everyone.
 */
@Component
@Profile("postgres")
class DevelopmentPasswordGuard {

    static final String DEVELOPMENT_PASSWORD = "dev-password";

    DevelopmentPasswordGuard(FileCatalogue catalogue) {
        BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();
        List<String> unsafe = catalogue.users().stream()
                .filter(user -> passwords.matches(DEVELOPMENT_PASSWORD, user.passwordHash()))
                .map(CatalogueFile.CatalogueUser::username)
                .toList();
        if (!unsafe.isEmpty()) {
            throw new DevelopmentPasswordInUse(unsafe);
        }
    }

    static final class DevelopmentPasswordInUse extends IllegalStateException {

        DevelopmentPasswordInUse(List<String> usernames) {
            super("The catalogue's users " + String.join(", ", usernames) + " still have the development password: "
                    + "the postgres profile does not start until each has a password of its own.");
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
