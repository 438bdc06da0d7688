package com.crm.leads.app.web;

import com.crm.leads.app.config.LeadsProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The answer while the service cannot take calls for a moment: 503 {@code UNAVAILABLE} with {@code Retry-After}, so a
 * client waits and tries again instead of reading it as the service's own failure. It comes when the database cannot
 * be reached (the pool gives up after {@code spring.datasource.hikari.connection-timeout}, or a connection breaks in
 * the middle of a call) and while the service is starting or stopping.
 */
@Component
public class Unavailable {

    /**
     * PostgreSQL's "the server is going away or not there yet": an administrator's or a crash's shutdown, and a server
     * that is starting or shutting down. SQLSTATE class 08 (connection exception) covers the rest.
     */
    private static final Set<String> SERVER_GOING_STATES = Set.of("57P01", "57P02", "57P03");

    private final long retryAfterSeconds;

    Unavailable(LeadsProperties properties) {
        this.retryAfterSeconds = Math.max(1, properties.retryAfterUnavailable().toSeconds());
    }

    /** Whether {@code failure} comes from a database that cannot be reached, anywhere along its causes. */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GOING_STATES.contains(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    ResponseEntity<Envelope<Void>> answer(String message) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds))
                .contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error(ErrorCode.UNAVAILABLE, message, ""));
    }

    /** The same answer, written where no controller is involved (a filter). */
    void write(HttpServletResponse response, ObjectMapper json, String message) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        FilterAnswers.refuse(response, json, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE, message);
    }
}
