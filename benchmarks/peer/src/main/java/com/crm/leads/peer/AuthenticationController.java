package com.crm.leads.peer;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signs in the one user the benchmark uses. How users and passwords are kept is not what is being compared, so a
 * fixed check stands in for a user table.
 */
@RestController
class AuthenticationController {

    private static final String USERNAME = "MPAdministrator";
    private static final String PASSWORD = "dev-password";
    private static final String ORGANISATION = "CRM";

    private final Tokens tokens;

    AuthenticationController(Tokens tokens) {
        this.tokens = tokens;
    }

    record TokenRequest(String username, String password, String organisation) {
    }

    record TokenAnswer(String token) {
    }

    @PostMapping("/crmapi/rest/v2/authentication/token")
    Envelope<TokenAnswer> token(@RequestBody TokenRequest request) {
        if (!USERNAME.equals(request.username()) || !PASSWORD.equals(request.password())
                || !ORGANISATION.equals(request.organisation())) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "the username, password or organisation is wrong");
        }
        return Envelope.ok(new TokenAnswer(tokens.issue(request.username())));
    }
}
