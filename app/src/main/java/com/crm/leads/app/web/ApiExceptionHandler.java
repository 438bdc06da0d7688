package com.crm.leads.app.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure into the envelope with its code. Nothing of the service's inside (stack traces, class
 * names, SQL) reaches the client; an unexpected failure is logged with a reference that the answer repeats.
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final String NOT_ONE_OBJECT =
            "the request body must be exactly one JSON object in UTF-8, with each key once";

    private final Unavailable unavailable;

    ApiExceptionHandler(Unavailable unavailable) {
        this.unavailable = unavailable;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Envelope<Void>> refused(ApiException e) {
        ResponseEntity<Envelope<Void>> answer = answer(e.status(), e.code(), e.getMessage(), e.parameter());
        return e.retryAfter().map(wait -> ResponseEntity.status(answer.getStatusCode()).headers(answer.getHeaders())
                // whole seconds, rounded up: a client that waits exactly this long is not refused again
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait.plusMillis(999).toSeconds())))
                .body(answer.getBody())).orElse(answer);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Envelope<Void>> unreadable(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof UnusableBodyException unusable) {
                return answer(HttpStatus.BAD_REQUEST, unusable.parameter().isEmpty() ? ErrorCode.MALFORMED_REQUEST
                        : ErrorCode.INVALID_PARAMETER, unusable.getOriginalMessage(), unusable.parameter());
            }
        }
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badJson(mapping);
        }
        return answer(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST, NOT_ONE_OBJECT, "");
    }

    /** A body that is JSON but does not fit the parameters: unknown, of the wrong type, or out of its list. */
    @ExceptionHandler(JsonProcessingException.class)
    ResponseEntity<Envelope<Void>> badJson(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
            return answer(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST, NOT_ONE_OBJECT, "");
        }
        return refused(unfit(mapping));
    }

    /** What a value that does not fit its parameter (unknown, of the wrong type, out of its list) is refused as. */
    public static ApiException unfit(JsonMappingException mapping) {
        String path = path(mapping);
        String message;
        if (mapping instanceof UnrecognizedPropertyException) {
            message = path + " is not a parameter of this method";
        } else if (mapping instanceof InvalidFormatException format && format.getTargetType().isEnum()) {
            message = path + " must be one of " + Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
        } else if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            message = path + " must be " + describe(mismatch.getTargetType());
        } else {
            message = path + " has a value of the wrong type or format";
        }
        return ApiException.invalidParameter(path, message);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Envelope<Void>> wrongContentType(HttpMediaTypeNotSupportedException e) {
        return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.MALFORMED_REQUEST,
                "the request body must be sent as application/json", "");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<Envelope<Void>> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST, "the service answers in application/json", "");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Envelope<Void>> wrongMethod(HttpRequestMethodNotSupportedException e) {
        return answer(HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED,
                e.getMethod() + " is not allowed here; use " + String.join(" or ", e.getSupportedMethods()), "");
    }

    @ExceptionHandler({NoHandlerFoundException.class, NoResourceFoundException.class})
    ResponseEntity<Envelope<Void>> noSuchRoute(Exception e) {
        return answer(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "there is no such method", "");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<Envelope<Void>> missingParameter(MissingServletRequestParameterException e) {
        return answer(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_PARAMETER,
                e.getParameterName() + " is mandatory", e.getParameterName());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Envelope<Void>> wrongParameterType(MethodArgumentTypeMismatchException e) {
        return answer(HttpStatus.BAD_REQUEST, ErrorCode.INVALID_PARAMETER,
                e.getName() + " has a value of the wrong type or format", e.getName());
    }

    /**
     * The client of a stream went away while it was being written to or ended: there is no one to answer, and
     * nothing went wrong with the service.
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    void clientGone(AsyncRequestNotUsableException e) {
        log.debug("a stream's client went away: {}", e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Envelope<Void>> unexpected(Exception e) {
        if (Unavailable.databaseUnreachable(e)) {
            log.warn("the database cannot be reached: {}", e.toString());
            return unavailable.answer("the service cannot reach its database at the moment; try again shortly");
        }
        String reference = UUID.randomUUID().toString();
        log.error("internal error {}", reference, e);
        return answer(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                "the service failed to handle the request; reference " + reference, "");
    }

    private static ResponseEntity<Envelope<Void>> answer(HttpStatus status, ErrorCode code, String message,
                                                         String description) {
        // JSON whatever the client's Accept header asked for: the envelope is the only shape of an answer
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Envelope.error(code, message, description));
    }

    /** The parameter path as a client writes it: {@code competitors_set[1].action}. */
    static String path(JsonMappingException e) {
        ParameterPath path = ParameterPath.under("");
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.name(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.index(reference.getIndex());
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return type == Integer.class || type == Long.class ? "a whole number" : "a number";
        }
        if (type == String.class) {
            return "text";
        }
        if (type == java.time.LocalDateTime.class) {
            return "a date written yyyy-MM-dd'T'HH:mm:ss or yyyy-MM-dd";
        }
        return "a JSON " + (java.util.Collection.class.isAssignableFrom(type) ? "list" : "object");
    }
}
