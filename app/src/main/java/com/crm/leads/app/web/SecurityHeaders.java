package com.crm.leads.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Every answer of the service, refusals included, says that its type is the one it names ({@code nosniff}: no
 * browser reads a JSON answer as a page) and that no cache may keep it ({@code no-store}): the API's answers carry
 * tokens, leads and the people behind them, and none of them is public. First of all filters, so an answer another
 * filter refuses carries them too; Tomcat's own refusals get them from {@link ContainerErrors}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SecurityHeaders extends OncePerRequestFilter {

    static void addTo(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        addTo(response);
        chain.doFilter(request, response);
    }
}
