package com.crm.leads.app.web;

import org.springframework.http.HttpStatus;

import java.time.Duration;
import java.util.Optional;

/**
 * A request the service refuses, with what the client needs to fix it: a code, a plain-words message and the
 * offending parameter's path.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatus status;
    private final String parameter;
    private final Duration retryAfter;

    public ApiException(ErrorCode code, String parameter, String message) {
        this(code, code.status(), parameter, message);
    }

    public ApiException(ErrorCode code, HttpStatus status, String parameter, String message) {
        this(code, status, parameter, message, null);
    }

    private ApiException(ErrorCode code, HttpStatus status, String parameter, String message, Duration retryAfter) {
        super(message);
        this.code = code;
        this.status = status;
        this.parameter = parameter;
        this.retryAfter = retryAfter;
    }

    public static ApiException invalidParameter(String parameter, String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, parameter, message);
    }

    /** A referenced entity that does not exist is the caller's bad parameter, not a missing resource. */
    public static ApiException referenceNotFound(String parameter, String message) {
        return new ApiException(ErrorCode.NOT_FOUND, HttpStatus.BAD_REQUEST, parameter, message);
    }

    /** A refusal that lasts {@code lockedFor}: the answer's {@code Retry-After} says when to try again. */
    public static ApiException tooManyAttempts(Duration lockedFor, String message) {
        return new ApiException(ErrorCode.TOO_MANY_ATTEMPTS, ErrorCode.TOO_MANY_ATTEMPTS.status(), "", message,
                lockedFor);
    }

    public ErrorCode code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String parameter() {
        return parameter;
    }

    /** When the client may try again, for a refusal that lasts a while. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
