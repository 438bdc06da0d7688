package com.crm.leads.peer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The plain CRUD lead service a team would build instead of the event-sourced one: a row per lead, updated in
 * place, with Hibernate Envers keeping who changed what. It answers the calls the benchmark makes exactly as the
 * lead service does, so both can be measured by the same load generator.
 */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}
