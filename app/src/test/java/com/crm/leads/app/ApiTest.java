package com.crm.leads.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The base of the HTTP tests: the whole service on a random port with a fresh in-memory database, shared by every
 * test class (one Spring context), spoken to over real HTTP as an integrator would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-test;DB_CLOSE_DELAY=-1",
        "logging.level.root=WARN"})
public abstract class ApiTest extends ServiceClient {

    @LocalServerPort
    int port;

    @Autowired
    protected ObjectMapper json;

    @Override
    protected int port() {
        return port;
    }

    @Override
    public ObjectMapper mapper() {
        return json;
    }
}
