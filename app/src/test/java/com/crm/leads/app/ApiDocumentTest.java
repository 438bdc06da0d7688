package com.crm.leads.app;

import com.crm.leads.app.web.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API document at {@code /v3/api-docs} describes exactly the methods the service maps, every error code, and the
 * event stream; the UI that reads it is at {@code /swagger-ui.html}.
 */
class ApiDocumentTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void theDocumentDescribesEveryMappedMethodAndNoOther() throws Exception {
        JsonNode document = json.readTree(fetch("/v3/api-docs").body());
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(mapping -> mapping.getPatternValues().stream()
                .filter(path -> path.startsWith(ServiceClient.BASE))
                .forEach(path -> mapping.getMethodsCondition().getMethods().forEach(method ->
                        mapped.add(method.name().toLowerCase(Locale.ROOT) + " " + path))));
        Set<String> described = new TreeSet<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (!method.equals("parameters")) {
                        described.add(method + " " + path.getKey());
                    }
                }));

        assertThat(document.path("openapi").asText()).startsWith("3.");
        assertThat(mapped).hasSizeGreaterThan(20);
        assertThat(described).isEqualTo(mapped);
    }

    @Test
    void theDocumentNamesEveryErrorCodeAndTheEventStream() throws Exception {
        String document = fetch("/v3/api-docs").body();

        assertThat(Arrays.stream(ErrorCode.values()).map(Enum::name)).allSatisfy(code ->
                assertThat(document).as("error code %s", code).contains("\"" + code + "\""));
        assertThat(json.readTree(document).at("/paths/~1crmapi~1rest~1v2~1leads~1changes/get/responses/200/content")
                .has("text/event-stream")).isTrue();
    }

    @Test
    void theUserInterfaceIsServed() throws Exception {
        HttpResponse<String> ui = fetch("/swagger-ui.html");

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
    }

    private HttpResponse<String> fetch(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }
}
