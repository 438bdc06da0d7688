package com.crm.leads.app;

import com.crm.leads.api.query.FindLeadQuery;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadLookup;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/** The service takes API calls only while it is ready: started, its leads seeded, not stopping. */
class ReadinessApiTest extends ApiTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void aServiceThatIsNotReadyAnswersApiCallsUnavailableAndTellsItsProbes() {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            Answer refused = get("/leads/show", Map.of("token", admin, "lead_identifier", "number=69"))
                    .fails("UNAVAILABLE", 503);
            assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("5");
            assertThat(probe("readiness")).isEqualTo(503);
            assertThat(probe("liveness")).isEqualTo(200);
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        get("/leads/show", Map.of("token", admin, "lead_identifier", "number=69")).ok();
        assertThat(probe("readiness")).isEqualTo(200);
    }

    @Test
    void aStartingServiceIsReadyOnlyOnceLeads69And127Exist() {
        List<String> seededWhenReady = new ArrayList<>();
        ApplicationListener<AvailabilityChangeEvent<?>> whenReady = event -> {
            if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                QueryGateway queries = ((ApplicationContext) event.getSource()).getBean(QueryGateway.class);
                for (String number : List.of("69", "127")) {
                    queries.query(new FindLeadQuery(new LeadLookup.ByNumber(number), EVERY_LEAD),
                                    ResponseTypes.optionalInstanceOf(LeadComplete.class)).join()
                            .ifPresent(lead -> seededWhenReady.add(lead.number()));
                }
            }
        };
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(LeadServiceApplication.class)
                .listeners(whenReady)
                .run("--server.port=0", "--spring.datasource.url=jdbc:h2:mem:readiness-test;DB_CLOSE_DELAY=-1",
                        "--logging.level.root=WARN")) {
            assertThat(seededWhenReady).containsExactly("69", "127");
        }
    }

    private int probe(String name) {
        return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/" + name)))
                .status();
    }
}
