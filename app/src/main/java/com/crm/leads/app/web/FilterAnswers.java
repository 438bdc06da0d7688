package com.crm.leads.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;

/** A refusal written by a servlet filter, before Spring MVC and its exception handlers see the request. */
final class FilterAnswers {

    private FilterAnswers() {
    }

    static void refuse(HttpServletResponse response, ObjectMapper json, HttpStatus status, ErrorCode code,
                       String message) throws IOException {
        refuse(response, json, status, code, message, "");
    }

    /** As {@link #refuse(HttpServletResponse, ObjectMapper, HttpStatus, ErrorCode, String)}, naming the parameter. */
    static void refuse(HttpServletResponse response, ObjectMapper json, HttpStatus status, ErrorCode code,
                       String message, String description) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Envelope.error(code, message, description));
    }
}
