package com.crm.leads.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Requests no path takes, refused here in the envelope before any handler sees them:
 * <ul>
 *   <li>{@code TRACE}, because Tomcat's own refusal has no body and the servlet's default answer would echo the
 *   request (its headers, tokens included) back;</li>
 *   <li>a CORS preflight, which asks whether a page of another origin may call the service: always no, without any
 *   {@code Access-Control-Allow-*} header (Spring MVC would refuse it with a bare {@code Invalid CORS request}). A
 *   page's request that needs no preflight is answered as any other, and the browser keeps the answer from the
 *   page, as no header allows it to read it.</li>
 * </ul>
 */
@Component
class RefusedOnEveryPath extends OncePerRequestFilter {

    private final ObjectMapper json;

    RefusedOnEveryPath(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (HttpMethod.TRACE.matches(request.getMethod())) {
            FilterAnswers.refuse(response, json, HttpStatus.METHOD_NOT_ALLOWED, ErrorCode.METHOD_NOT_ALLOWED,
                    "TRACE is not allowed on any path");
        } else if (CorsUtils.isPreFlightRequest(request)) {
            FilterAnswers.refuse(response, json, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "pages of other origins may not call this service: it allows no cross-origin requests");
        } else {
            chain.doFilter(request, response);
        }
    }
}
