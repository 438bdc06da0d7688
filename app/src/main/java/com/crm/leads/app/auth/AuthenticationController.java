package com.crm.leads.app.auth;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.app.catalogue.CatalogueFile;
import com.crm.leads.app.catalogue.FileCatalogue;
import com.crm.leads.app.catalogue.CatalogueKind;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.Envelope;
import com.crm.leads.app.web.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.Map;

/** Signs users in with the catalogue's credentials and ends tokens on request. */
@RestController
class AuthenticationController {

    /**
     * Compared against when the user does not exist, so an unknown user costs the same BCrypt work as a wrong
     * password and the answer's timing does not tell which it was.
     */
    private static final String NO_SUCH_USER_HASH = new BCryptPasswordEncoder().encode("no such user");

    private final FileCatalogue catalogue;
    private final Tokens tokens;
    private final IdentifierResolver identifiers;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder();

    AuthenticationController(FileCatalogue catalogue, Tokens tokens, IdentifierResolver identifiers) {
        this.catalogue = catalogue;
        this.tokens = tokens;
        this.identifiers = identifiers;
    }

    record TokenRequest(String username, String password, String organisation, JsonNode unit) {
    }

    record TokenAnswer(String token, Instant expirationDate, User user, Unit unit) {
    }

    record ReleaseRequest(String token) {
    }

    @PostMapping(path = "/crmapi/rest/v2/authentication/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<TokenAnswer> token(@RequestBody TokenRequest request) {
        CatalogueFile.CatalogueUser user = catalogue.users().stream()
                .filter(candidate -> candidate.username().equals(request.username()))
                .findFirst().orElse(null);
        boolean passwordMatches = passwords.matches(request.password() == null ? "" : request.password(),
                user == null ? NO_SUCH_USER_HASH : user.passwordHash());
        if (user == null || !passwordMatches || !catalogue.organisation().equals(request.organisation())) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "",
                    "the username, password or organisation is wrong");
        }
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

    private Unit unitOf(CatalogueFile.CatalogueUser user, JsonNode requested) {
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
