package com.crm.leads.app.web;

import org.springframework.http.HttpStatus;

/** The stable error codes of the API, each with the HTTP status it usually travels with. */
public enum ErrorCode {
    INVALID_TOKEN(HttpStatus.UNAUTHORIZED),
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    MALFORMED_REQUEST(HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST),
    INVALID_IDENTIFIER(HttpStatus.BAD_REQUEST),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    LOST_REASON_REQUIRED(HttpStatus.BAD_REQUEST),
    LEAD_CLOSED(HttpStatus.CONFLICT),
    VERSION_CONFLICT(HttpStatus.CONFLICT),
    /** A valid token whose user may not do this. */
    FORBIDDEN(HttpStatus.FORBIDDEN),
    /** Sign-ins for this username or from this address are locked for a while; {@code Retry-After} says how long. */
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS),
    /** The service cannot take calls for a moment (its database is unreachable, or it is starting): try again. */
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR);

    private final HttpStatus status;

    ErrorCode(HttpStatus status) {
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /**
     * The code of a refusal that has only an HTTP status (from the container, or Spring's error page): a client's
     * error, also where HTTP gives it a 5xx status because the server does not implement what the request uses (501)
     * or speak its HTTP version (505).
     */
    public static ErrorCode forStatus(int status) {
        if (status == HttpStatus.NOT_FOUND.value()) {
            return NOT_FOUND;
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED.value()) {
            return METHOD_NOT_ALLOWED;
        }
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            return INVALID_TOKEN;
        }
        boolean clientsError = status < 500 || status == HttpStatus.NOT_IMPLEMENTED.value()
                || status == HttpStatus.HTTP_VERSION_NOT_SUPPORTED.value();
        return clientsError ? MALFORMED_REQUEST : INTERNAL_ERROR;
    }
}
