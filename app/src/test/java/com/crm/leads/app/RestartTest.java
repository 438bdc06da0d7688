package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The default set-up keeps leads in a file: a restarted service answers exactly as before. */
class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void aRestartedServiceKeepsEveryLeadWithTheSameAnswerAndVersion() {
        ObjectNode before = runService(client -> {
            String token = client.token();
            JsonNode lead = client.createLead(token, Map.of("description", "survives a restart"));
            ObjectNode update = client.updateOf(token, lead);
            update.put("contact_email", "restart@example.com");
            update.set("status_identifier", client.mapper().createObjectNode().put("name", "Qualified"));
            client.post("/leads/update", update).ok();
            ObjectNode answers = client.mapper().createObjectNode();
            answers.set("new", client.show(token, lead).ok().data());
            answers.set("69", client.get("/leads/show", Map.of("token", token, "lead_identifier", "number=69"))
                    .ok().data());
            return answers;
        });

        ObjectNode after = runService(client -> {
            String token = client.token();
            ObjectNode answers = client.mapper().createObjectNode();
            answers.set("new", client.show(token, before.get("new")).ok().data());
            answers.set("69", client.get("/leads/show", Map.of("token", token, "lead_identifier", "number=69"))
                    .ok().data());
            return answers;
        });

        assertThat(before.get("new").path("contact_email").asText()).isEqualTo("restart@example.com");
        assertThat(before.get("new").path("version").asLong()).isPositive();
        assertThat(after).isEqualTo(before);
    }

    private ObjectNode runService(Function<ServiceClient, ObjectNode> calls) {
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LeadServiceApplication.class)
                .run("--server.port=0", "--leads.data-dir=" + dataDir, "--logging.level.root=WARN")) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            return calls.apply(ServiceClient.on(port, service.getBean(ObjectMapper.class)));
        }
    }
}
