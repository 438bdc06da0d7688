package com.crm.leads.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A CORS preflight asks whether a browser page of another origin may call the service; the answer is always no,
 * {@code FORBIDDEN} in the envelope and without any {@code Access-Control-Allow-*} header. Spring MVC would refuse
 * it too, but with a bare {@code Invalid CORS request}. A page's request that needs no preflight is answered as any
 * other, and the browser keeps the answer from the page, as no header allows it to read it.
 */
@Component
class CrossOriginRefusal extends OncePerRequestFilter {

    private final ObjectMapper json;

    CrossOriginRefusal(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (CorsUtils.isPreFlightRequest(request)) {
            FilterAnswers.refuse(response, json, HttpStatus.FORBIDDEN, ErrorCode.FORBIDDEN,
                    "pages of other origins may not call this service: it allows no cross-origin requests");
            return;
        }
        chain.doFilter(request, response);
    }
}
