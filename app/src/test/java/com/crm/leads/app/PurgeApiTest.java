package com.crm.leads.app;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Section 2's purge: the service itself deletes expired tokens, request ids past their window and sign-in failures
 * that count no longer, on its schedule, and keeps what still works. A service of its own, with lifetimes and a
 * schedule of seconds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:purge-test;DB_CLOSE_DELAY=-1",
        "logging.level.root=WARN",
        "leads.token-lifetime=6s",
        "leads.idempotency-window=6s",
        "leads.sign-ins.window=6s",
        "leads.purge-interval=500ms"})
class PurgeApiTest extends ApiTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void expiredTokensRequestIdsAndSignInFailuresAreDeletedAndWhatStillWorksIsKept() throws InterruptedException {
        String token = token();
        createLead(token, Map.of("request_id", "kept-for-a-while"));
        post("/authentication/token", Map.of("username", "nobody", "password", "wrong", "organisation", "CRM"))
                .fails("INVALID_CREDENTIALS", 401);
        Thread.sleep(1500);

        assertThat(get("/catalogue/statuses", Map.of("token", token)).status()).as("a token purges left").isEqualTo(200);
        assertThat(rows("access_token")).isPositive();
        assertThat(rows("idempotency_record WHERE request_id = 'kept-for-a-while'")).isOne();
        assertThat(rows("sign_in_failures")).isPositive();

        eventually(() -> rows("access_token") + rows("idempotency_record") + rows("sign_in_failures"),
                remaining -> remaining == 0);
    }

    private long rows(String table) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }
}
