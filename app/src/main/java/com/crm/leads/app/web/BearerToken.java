package com.crm.leads.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A GET method's token may come as {@code Authorization: Bearer <token>} instead of the {@code token} query
 * parameter, so that a browser page keeps it out of every URL: the address bar and its history, and the logs of the
 * service and of the proxies in front of it. The header stands in for the parameter, so every method reads the token
 * as before; both at once is refused, as two values of one parameter would be.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class BearerToken extends OncePerRequestFilter {

    private static final String SCHEME = "Bearer ";
    private static final String TOKEN = "token";

    private final ObjectMapper json;

    BearerToken(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        // a POST method's token is in its JSON body, with everything else the call says
        if (!HttpMethod.GET.matches(request.getMethod()) || authorization == null
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
        } else if (request.getParameter(TOKEN) != null) {
            FilterAnswers.refuse(response, json, HttpStatus.BAD_REQUEST, ErrorCode.INVALID_PARAMETER,
                    "give the token once: as the token parameter or in the Authorization header", TOKEN);
        } else {
            chain.doFilter(new WithToken(request, authorization.substring(SCHEME.length()).trim()), response);
        }
    }

    /** The request as if its query string had carried the header's token. */
    private static final class WithToken extends HttpServletRequestWrapper {

        private final String token;

        WithToken(HttpServletRequest request, String token) {
            super(request);
            this.token = token;
        }

        @Override
        public String getParameter(String name) {
            return TOKEN.equals(name) ? token : super.getParameter(name);
        }

        @Override
        public String[] getParameterValues(String name) {
            return TOKEN.equals(name) ? new String[]{token} : super.getParameterValues(name);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            Map<String, String[]> parameters = new LinkedHashMap<>(super.getParameterMap());
            parameters.put(TOKEN, new String[]{token});
            return Collections.unmodifiableMap(parameters);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(getParameterMap().keySet());
        }
    }
}
