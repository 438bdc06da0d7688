package com.crm.leads.app.web;

import jakarta.servlet.http.HttpServletRequest;

import java.util.Set;

/** The query string of a GET method holds its parameters and nothing else, so a typo is never silently ignored. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static void allowOnly(HttpServletRequest request, Set<String> parameters) {
        request.getParameterMap().keySet().stream()
                .filter(name -> !parameters.contains(name))
                .sorted()
                .findFirst()
                .ifPresent(unknown -> {
                    throw ApiException.invalidParameter(unknown, unknown + " is not a parameter of this method");
                });
    }
}
