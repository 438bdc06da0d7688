package com.crm.leads.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * {@code TRACE} is no method of any path: refused here in the envelope, because Tomcat's own refusal has no body and
 * the servlet's default answer would echo the request (its headers, tokens included) back.
 */
@Component
class TraceRefusal extends OncePerRequestFilter {

    private final ObjectMapper json;

    TraceRefusal(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HttpMethod.TRACE.matches(request.getMethod())) {
            FilterAnswers.refuse(response, json, HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED,
                    "TRACE is not allowed on any path");
            return;
        }
        chain.doFilter(request, response);
    }
}
