package com.crm.leads.app.web;

import com.crm.leads.app.config.LeadsProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads every request body before the request reaches Spring MVC, without holding a request thread while its bytes
 * arrive: a client that sends its body slowly, or never, costs a connection but no thread, so it cannot take the
 * service from others (decision 15). The body is read with Servlet non-blocking I/O into memory, bounded in size
 * ({@code leads.max-request-size}: 413, at once when the declared length says so, while reading when the body comes
 * chunked) and in time ({@code leads.request-body-deadline}: 408); once complete, the request is dispatched again
 * and goes down the filter chain with the body read from memory.
 */
@Component
// before every filter that might read the body itself (Spring's FormContentFilter reads form bodies)
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyFilter extends OncePerRequestFilter {

    private static final String BODY = RequestBodyFilter.class.getName() + ".body";
    private static final int CHUNK = 8192;

    private final long limit;
    private final Duration deadline;
    private final ObjectMapper json;

    RequestBodyFilter(LeadsProperties properties, ObjectMapper json) {
        this.limit = properties.maxRequestSize().toBytes();
        this.deadline = properties.requestBodyDeadline();
        this.json = json;
    }

    /** The body is read on the first dispatch and handed down the chain on the second, the asynchronous one. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getAttribute(BODY) instanceof byte[] body) {
            chain.doFilter(new BufferedRequest(request, body), response);
        } else if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request)) {
            chain.doFilter(request, response);
        } else if (request.getContentLengthLong() > limit) {
            refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
        } else {
            AsyncContext async = request.startAsync();
            async.setTimeout(deadline.toMillis());
            BodyReader reader = new BodyReader(async, request.getInputStream());
            async.addListener(reader);
            reader.input.setReadListener(reader);
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
    }

    private String tooLarge() {
        return "the request body is larger than " + limit + " bytes";
    }

    private String tooLate() {
        return "the request body did not arrive within " + deadline.toSeconds() + " s";
    }

    private void refuse(HttpServletResponse response, HttpStatus status, String message) throws IOException {
        // the rest of the body is not read: the connection cannot carry another request
        response.setHeader(HttpHeaders.CONNECTION, "close");
        FilterAnswers.refuse(response, json, status, ErrorCode.MALFORMED_REQUEST, message);
    }

    /**
     * Collects one body as the container announces its bytes, and settles the request once: dispatched with the
     * body, or refused (too large, too late), or given up when the client went away.
     */
    private final class BodyReader implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream input;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private boolean settled;

        BodyReader(AsyncContext async, ServletInputStream input) {
            this.async = async;
            this.input = input;
        }

        @Override
        public synchronized void onDataAvailable() throws IOException {
            byte[] chunk = new byte[CHUNK];
            while (!settled && input.isReady()) {
                int count = input.read(chunk);
                if (count < 0) {
                    return;
                }
                if (body.size() + count > limit) {
                    settle(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge());
                    return;
                }
                body.write(chunk, 0, count);
            }
        }

        @Override
        public synchronized void onAllDataRead() {
            if (!settled) {
                settled = true;
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        /** The connection failed, or sent nothing for longer than {@code server.tomcat.connection-timeout}. */
        @Override
        public synchronized void onError(Throwable failure) {
            settle(HttpStatus.REQUEST_TIMEOUT, "the request body stopped arriving");
        }

        @Override
        public synchronized void onTimeout(AsyncEvent event) {
            settle(HttpStatus.REQUEST_TIMEOUT, tooLate());
        }

        @Override
        public void onError(AsyncEvent event) {
            // the container reports the failure to the read listener too, which settles the request
        }

        @Override
        public void onComplete(AsyncEvent event) {
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
        }

        private void settle(HttpStatus status, String message) {
            if (settled) {
                return;
            }
            settled = true;
            try {
                refuse((HttpServletResponse) async.getResponse(), status, message);
            } catch (IOException | IllegalStateException e) {
                // the client has gone: there is no one to answer
            }
            async.complete();
        }
    }

    /** The request as the chain sees it: its body comes from memory, read in full already. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return bytes.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the request body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
