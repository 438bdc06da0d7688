package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.Map;

/**
 * Fifty clients update one lead at the same moment, through two instances of the service on one (H2) database,
 * so some calls lose the race for the lead's next event and are retried. Every call gets an answer, none fails,
 * and every change that was acknowledged is in the lead and in its history.
 */
class RacingClientsTest extends ApiTest {

    private ConfigurableApplicationContext secondInstance;
    private ServiceClient secondClient;

    @BeforeEach
    void startASecondInstanceOnTheSameDatabase() {
        secondInstance = new SpringApplicationBuilder(LeadServiceApplication.class).run(
                "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:api-test;DB_CLOSE_DELAY=-1",
                "--logging.level.root=WARN");
        int port = Integer.parseInt(secondInstance.getEnvironment().getProperty("local.server.port"));
        secondClient = ServiceClient.on(port, secondInstance.getBean(ObjectMapper.class));
    }

    @AfterEach
    void stopTheSecondInstance() {
        secondInstance.close();
    }

    @Test
    void fiftyClientsAtOnceThroughTwoInstancesAllGetAnAnswerAndNoAcknowledgedChangeIsLost() throws Exception {
        String token = token();
        JsonNode lead = createLead(token, Map.of());

        LeadRace.run(this, secondClient, token, lead);

        LeadRace.assertNothingLost(this, token, lead);
        LeadRace.assertNothingLost(secondClient, token, lead);
    }
}
