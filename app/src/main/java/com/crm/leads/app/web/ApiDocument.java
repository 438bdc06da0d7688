package com.crm.leads.app.web;

import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The API as {@code /v3/api-docs} serves it: the written document ({@code openapi/leads-api.yaml}), which says what
 * the code cannot (identifier objects, set entries, the error codes, the event stream), in place of what springdoc
 * would read from controllers that take their bodies as JSON trees. A test holds it to the controllers: every path
 * they map is in it, and nothing else.
 */
@Component
class ApiDocument implements OpenApiCustomizer {

    private final OpenAPI written;

    ApiDocument(@Value("classpath:openapi/leads-api.yaml") Resource document) {
        try (InputStream yaml = document.getInputStream()) {
            this.written = Yaml.mapper().readValue(yaml, OpenAPI.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the API document could not be read", e);
        }
    }

    @Override
    public void customise(OpenAPI generated) {
        generated.openapi(written.getOpenapi()).info(written.getInfo()).servers(written.getServers())
                .tags(written.getTags()).paths(written.getPaths()).components(written.getComponents())
                .security(written.getSecurity()).externalDocs(written.getExternalDocs());
    }
}
