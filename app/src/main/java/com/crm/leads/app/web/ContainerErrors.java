package com.crm.leads.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Container;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Requests that Tomcat refuses before any servlet sees them (an encoded slash in the path, headers over its limit, a
 * transfer coding it does not implement, an HTTP version it does not speak) are answered with the envelope too,
 * instead of Tomcat's HTML error page. {@code TRACE} goes on to {@link RefusedOnEveryPath}, which refuses it in the envelope
 * (Tomcat's own refusal has no body).
 */
@Component
class ContainerErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> connector.setAllowTrace(true));
        factory.addContextCustomizers(context -> {
            Container host = context.getParent();
            if (host instanceof StandardHost standardHost) {
                standardHost.setErrorReportValveClass(EnvelopeErrorReportValve.class.getName());
            }
        });
    }

    /** Tomcat's error report, written as the API's envelope. */
    public static class EnvelopeErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            if (code < 400 || response.isCommitted() || response.getContentWritten() > 0) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            ErrorCode errorCode = ErrorCode.forStatus(code);
            String message = status == null ? "the request was refused" : status.getReasonPhrase();
            try {
                SecurityHeaders.addTo(response);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                response.getWriter().write(JSON.writeValueAsString(Envelope.error(errorCode, message, "")));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response cannot take a body: nothing more to tell the client
            }
        }
    }
}
