package com.crm.leads.peer;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The lead statuses, from memory as the lead service serves its catalogue: the benchmark's ceiling, a call that
 * costs only the server and the token check.
 */
@RestController
class CatalogueController {

    record Status(String name, String alternativeCode, String lifeCycleState) {
    }

    private static final List<Status> STATUSES = List.of(
            new Status("New", "NEW", "PENDING"),
            new Status("Qualified", "QLF", "PENDING"),
            new Status("Reach", "RCH", "PENDING"),
            new Status("Won", "WON", "WON"),
            new Status("Lost", "LOST", "LOST"),
            new Status("Abandoned", "ABD", "LOST"));

    private final Tokens tokens;

    CatalogueController(Tokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/crmapi/rest/v2/catalogue/statuses")
    Envelope<List<Status>> statuses(@RequestParam(required = false) String token) {
        tokens.authenticate(token);
        return Envelope.ok(STATUSES);
    }
}
