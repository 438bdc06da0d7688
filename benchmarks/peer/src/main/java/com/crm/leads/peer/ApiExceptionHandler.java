package com.crm.leads.peer;

import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Failures answer in the same envelope as successes, so a client reads {@code status.code} either way. */
@RestControllerAdvice
class ApiExceptionHandler {

    @ExceptionHandler
    ResponseEntity<Envelope<Void>> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(Envelope.error(e.getMessage()));
    }

    @ExceptionHandler
    ResponseEntity<Envelope<Void>> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(Envelope.error("the body is not the JSON expected"));
    }
}
