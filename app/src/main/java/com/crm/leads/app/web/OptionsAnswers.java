package com.crm.leads.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import java.io.IOException;

/**
 * {@code OPTIONS} on a method of the API answers 200 with the methods it takes in {@code Allow}, as Spring MVC
 * answers it, and with the envelope as every answer has: OK, and no data.
 */
@Component
class OptionsAnswers implements HandlerInterceptor {

    private final ObjectMapper json;

    OptionsAnswers(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) throws IOException {
        boolean answeredWithoutBody = response.getHeader(HttpHeaders.ALLOW) != null && !response.isCommitted()
                && response.getContentType() == null;
        if (HttpMethod.OPTIONS.matches(request.getMethod()) && answeredWithoutBody) {
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Envelope.ok(null));
        }
    }
}
