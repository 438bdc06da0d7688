package com.crm.leads.app.lead;

import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.app.auth.Tokens;
import com.crm.leads.app.web.Envelope;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The CRM.COM lead methods. POST methods carry the token in the body, GET methods in the query string; the token
 * is checked before anything else of the request is.
 */
@RestController
@RequestMapping(path = "/crmapi/rest/v2/leads", produces = MediaType.APPLICATION_JSON_VALUE)
class LeadController {

    private final Leads leads;
    private final Tokens tokens;

    LeadController(Leads leads, Tokens tokens) {
        this.leads = leads;
        this.tokens = tokens;
    }

    @PostMapping(path = "/create", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<LeadComplete> create(@RequestBody ObjectNode body) throws JsonProcessingException {
        return Envelope.ok(leads.create(body, tokens.authenticate(body.path("token").textValue())));
    }

    @PostMapping(path = "/update", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<LeadComplete> update(@RequestBody ObjectNode body) throws JsonProcessingException {
        return Envelope.ok(leads.update(body, tokens.authenticate(body.path("token").textValue())));
    }

    /** {@code lead_identifier} is written the CRM.COM way for query strings: {@code number=19} or {@code id=...}. */
    @GetMapping("/show")
    Envelope<LeadComplete> show(@RequestParam(required = false) String token,
                                @RequestParam(name = "lead_identifier") String leadIdentifier) {
        tokens.authenticate(token);
        return Envelope.ok(leads.find(Leads.lookup("lead_identifier", queryIdentifier(leadIdentifier))));
    }

    /** {@code number=19} as the identifier object {@code {"number": "19"}}. */
    private static ObjectNode queryIdentifier(String written) {
        ObjectNode identifier = JsonNodeFactory.instance.objectNode();
        int equals = written.indexOf('=');
        if (equals > 0) {
            identifier.put(written.substring(0, equals), written.substring(equals + 1));
        }
        return identifier;
    }
}
