package com.crm.leads.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * API calls wait for the service to be ready. Tomcat takes connections before the service has seeded its leads (the
 * seeding runs once the context is up), so without this a {@code show} of lead 69 on a fresh start could answer
 * {@code NOT_FOUND}; and while the service stops, calls are turned away rather than cut off. Until Spring Boot says the
 * service accepts traffic (after every start-up runner, the seeding among them), an API call answers
 * {@code UNAVAILABLE}; the actuator's probes answer as always.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ReadinessGate extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final Unavailable unavailable;
    private final ObjectMapper json;

    ReadinessGate(ApplicationAvailability availability, Unavailable unavailable, ObjectMapper json) {
        this.availability = availability;
        this.unavailable = unavailable;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/crmapi/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (availability.getReadinessState() != ReadinessState.ACCEPTING_TRAFFIC) {
            unavailable.write(response, json, "the service is starting or stopping; try again shortly");
            return;
        }
        chain.doFilter(request, response);
    }
}
