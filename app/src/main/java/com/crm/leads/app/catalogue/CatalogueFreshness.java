package com.crm.leads.app.catalogue;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every call of the API first reads the catalogue's revisions, so no answer shows an entry older than a change that
 * was answered, on this instance or any other, before the call began. One small indexed read per call: the price of
 * keeping entries in memory on several instances without a message bus between them (decision 23).
 */
@Configuration(proxyBeanMethods = false)
class CatalogueFreshness implements HandlerInterceptor, WebMvcConfigurer {

    private final StoredCatalogue catalogue;

    CatalogueFreshness(StoredCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/crmapi/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        catalogue.refresh();
        return true;
    }
}
