package com.crm.leads.app.web;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, with what the client needs to fix it: a code, a plain-words message and the
 * offending parameter's path.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final HttpStatus status;
    private final String parameter;

    public ApiException(ErrorCode code, String parameter, String message) {
        this(code, code.status(), parameter, message);
    }

    public ApiException(ErrorCode code, HttpStatus status, String parameter, String message) {
        super(message);
        this.code = code;
        this.status = status;
        this.parameter = parameter;
    }

    public static ApiException invalidParameter(String parameter, String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, parameter, message);
    }

    /** A referenced entity that does not exist is the caller's bad parameter, not a missing resource. */
    public static ApiException referenceNotFound(String parameter, String message) {
        return new ApiException(ErrorCode.NOT_FOUND, HttpStatus.BAD_REQUEST, parameter, message);
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
}
