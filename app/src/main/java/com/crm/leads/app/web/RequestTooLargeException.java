package com.crm.leads.app.web;

import java.io.IOException;

/** A request body past the configured limit; an IOException so it travels through the body's readers. */
class RequestTooLargeException extends IOException {

    RequestTooLargeException(long limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
