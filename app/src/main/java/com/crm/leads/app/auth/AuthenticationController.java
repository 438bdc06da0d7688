package com.crm.leads.app.auth;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.app.catalogue.UserEntry;
import com.crm.leads.app.catalogue.StoredCatalogue;
import com.crm.leads.app.catalogue.CatalogueKind;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.Envelope;
import com.crm.leads.app.web.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/** Signs users in with the catalogue's credentials, within the sign-in limits; ends tokens; changes passwords. */
@RestController
class AuthenticationController {


    private final StoredCatalogue catalogue;
    private final Tokens tokens;
    private final IdentifierResolver identifiers;
    private final Passwords passwords;
    private final SignInLimits limits;

    AuthenticationController(StoredCatalogue catalogue, Tokens tokens, IdentifierResolver identifiers,
                             Passwords passwords, SignInLimits limits) {
        this.catalogue = catalogue;
        this.tokens = tokens;
        this.identifiers = identifiers;
        this.passwords = passwords;
        this.limits = limits;
    }

    record TokenRequest(String username, String password, String organisation, JsonNode unit) {
    }

    record TokenAnswer(String token, Instant expirationDate, User user, Unit unit) {
    }

    record ReleaseRequest(String token) {
    }

    record PasswordRequest(String token, String oldPassword, String newPassword) {
    }

    @PostMapping(path = "/crmapi/rest/v2/authentication/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<TokenAnswer> token(@RequestBody TokenRequest request, HttpServletRequest http) {
        SignInLimits.Attempt attempt = limits.begin(request.username(), http.getRemoteAddr());
        UserEntry user = catalogue.userNamed(request.username()).orElse(null);
        if (!passwords.matches(user, request.password()) || !catalogue.organisation().equals(request.organisation())) {
            throw limits.failed(new ApiException(ErrorCode.INVALID_CREDENTIALS, "",
                    "the username, password or organisation is wrong"));
        }
        limits.succeeded(attempt);
        Unit unit = unitOf(user, request.unit());
        Actor actor = Actor.of(catalogue, user, unit);
        Tokens.Issued issued = tokens.issue(actor);
        return Envelope.ok(new TokenAnswer(issued.token(), issued.expirationDate(), actor.user(), unit));
    }

    @PostMapping(path = "/crmapi/rest/v2/authentication/token/release", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<Map<String, Object>> release(@RequestBody ReleaseRequest request) {
        tokens.release(request.token());
        return Envelope.ok(Map.of());
    }

    /**
     * The caller's own password. A wrong old password counts as a failed sign-in: a stolen token is no way to
     * guess the password behind it without limit.
     */
    @PostMapping(path = "/crmapi/rest/v2/authentication/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<Map<String, Object>> password(@RequestBody PasswordRequest request, HttpServletRequest http) {
        Actor actor = tokens.authenticate(request.token());
        String newPassword = request.newPassword();
        Passwords.checkNew("new_password", newPassword);
        UserEntry user = catalogue.user(actor.user().id()).orElseThrow();
        SignInLimits.Attempt attempt = limits.begin(user.username(), http.getRemoteAddr());
        if (!passwords.matches(user, request.oldPassword())) {
            throw limits.failed(new ApiException(ErrorCode.INVALID_CREDENTIALS, "old_password",
                    "old_password is wrong"));
        }
        limits.succeeded(attempt);
        passwords.change(user.id(), newPassword);
        tokens.endOthers(user.id(), request.token());
        return Envelope.ok(Map.of());
    }

    private Unit unitOf(UserEntry user, JsonNode requested) {
        if (requested == null || requested.isNull()) {
            return catalogue.find(Unit.class, user.defaultUnitId()).orElseThrow();
        }
        Unit unit = identifiers.resolve("unit", requested, CatalogueKind.UNIT);
        if (!user.unitIds().contains(unit.id())) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "unit", "the user does not belong to that unit");
        }
        return unit;
    }
}
