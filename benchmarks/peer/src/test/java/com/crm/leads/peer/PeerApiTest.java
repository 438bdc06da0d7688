package com.crm.leads.peer;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.envers.AuditReader;
import org.hibernate.envers.AuditReaderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:peer;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000")
class PeerApiTest {

    private static final String API = "/crmapi/rest/v2";

    @Autowired
    private TestRestTemplate http;

    @Autowired
    private EntityManagerFactory entityManagers;

    private String token;

    @BeforeEach
    void signIn() {
        ResponseEntity<JsonNode> answer = post("/authentication/token",
                Map.of("username", "MPAdministrator", "password", "dev-password", "organisation", "CRM"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        token = answer.getBody().path("data").path("token").asText();
        assertThat(token).matches("[0-9A-F]{32}");
    }

    @Test
    void anUpdateRaisesTheVersionAndLeavesARevisionNamingItsUser() {
        String number = createLead();

        JsonNode first = update(number, "udf_string_1", "first");
        JsonNode second = update(number, "title", "second");

        assertThat(first.path("status").path("code").asText()).isEqualTo("OK");
        assertThat(first.path("data").path("udf_string_1").asText()).isEqualTo("first");
        assertThat(second.path("data").path("version").asLong())
                .isEqualTo(first.path("data").path("version").asLong() + 1);
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            AuditReader audit = AuditReaderFactory.get(entityManager);
            long id = idOf(entityManager, number);
            List<Number> revisions = audit.getRevisions(Lead.class, id);
            assertThat(revisions).hasSize(3);
            assertThat(revisions).allSatisfy(revision -> assertThat(
                    audit.findRevision(LeadRevision.class, revision).getUsername()).isEqualTo("MPAdministrator"));
            Lead afterFirst = audit.find(Lead.class, id, revisions.get(1));
            assertThat(afterFirst.getUdfString1()).isEqualTo("first");
            assertThat(afterFirst.getTitle()).isNull();
            Lead afterSecond = audit.find(Lead.class, id, revisions.get(2));
            assertThat(afterSecond.getUdfString1()).isEqualTo("first");
            assertThat(afterSecond.getTitle()).isEqualTo("second");
        }
    }

    @Test
    void anUnknownTokenIsRefused() {
        String number = createLead();

        ResponseEntity<JsonNode> answer = post("/leads/update",
                Map.of("token", "00000000000000000000000000000000", "lead_identifier", Map.of("number", number),
                        "udf_string_1", "never"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody().path("status").path("code").asText()).isEqualTo("ERROR");
    }

    @Test
    void wrongCredentialsAreRefused() {
        ResponseEntity<JsonNode> answer = post("/authentication/token",
                Map.of("username", "MPAdministrator", "password", "guess", "organisation", "CRM"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(answer.getBody().path("status").path("code").asText()).isEqualTo("ERROR");
    }

    @Test
    void anUnknownLeadIsNotFound() {
        ResponseEntity<JsonNode> answer = post("/leads/update",
                Map.of("token", token, "lead_identifier", Map.of("number", "1"), "udf_string_1", "never"));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(answer.getBody().path("status").path("code").asText()).isEqualTo("ERROR");
    }

    @Test
    void concurrentUpdatesOfOneLeadAreNeitherLostNorRefused() throws Exception {
        String number = createLead();
        int threads = 16;
        int updatesEach = 20;
        ExecutorService clients = Executors.newFixedThreadPool(threads);
        List<Future<List<HttpStatus>>> results = new ArrayList<>();
        for (int client = 0; client < threads; client++) {
            int id = client;
            results.add(clients.submit(() -> {
                List<HttpStatus> statuses = new ArrayList<>();
                for (int update = 0; update < updatesEach; update++) {
                    statuses.add((HttpStatus) post("/leads/update", Map.of("token", token,
                            "lead_identifier", Map.of("number", number),
                            "udf_string_1", "client " + id + " update " + update)).getStatusCode());
                }
                return statuses;
            }));
        }
        List<HttpStatus> statuses = new ArrayList<>();
        for (Future<List<HttpStatus>> result : results) {
            statuses.addAll(result.get());
        }
        clients.shutdown();

        assertThat(statuses).hasSize(threads * updatesEach).containsOnly(HttpStatus.OK);
        try (EntityManager entityManager = entityManagers.createEntityManager()) {
            Lead lead = entityManager.find(Lead.class, idOf(entityManager, number));
            assertThat(lead.getVersion()).isEqualTo(threads * updatesEach);
            assertThat(AuditReaderFactory.get(entityManager).getRevisions(Lead.class, lead.getId()))
                    .hasSize(1 + threads * updatesEach);
        }
    }

    private String createLead() {
        ResponseEntity<JsonNode> answer = post("/leads/create", Map.of("token", token,
                "contact_information_identifier", Map.of("name", "Kokos Panagi"),
                "type_identifier", Map.of("name", "New Customer"),
                "status_identifier", Map.of("name", "New"),
                "importance", "IMPORTANCE2", "priority", 3, "fields_set", "number"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getBody().path("data").path("version").asLong()).isZero();
        return answer.getBody().path("data").path("number").asText();
    }

    private JsonNode update(String number, String field, String value) {
        ResponseEntity<JsonNode> answer = post("/leads/update",
                Map.of("token", token, "lead_identifier", Map.of("number", number), field, value));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    private static long idOf(EntityManager entityManager, String number) {
        return entityManager.createQuery("select l.id from Lead l where l.number = :number", Long.class)
                .setParameter("number", number).getSingleResult();
    }

    private ResponseEntity<JsonNode> post(String path, Map<String, ?> body) {
        return http.postForEntity(API + path, body, JsonNode.class);
    }
}
