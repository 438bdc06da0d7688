package com.crm.leads.peer;

import org.springframework.http.HttpStatus;

/** A refusal to pass on to the client as it is, with its HTTP status. */
class ApiException extends RuntimeException {

    private final HttpStatus status;

    ApiException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
