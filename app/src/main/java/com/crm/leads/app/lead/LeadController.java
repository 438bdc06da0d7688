package com.crm.leads.app.lead;

import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.app.auth.Tokens;
import com.crm.leads.app.web.Envelope;
import com.crm.leads.app.web.QueryParameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

/**
 * The CRM.COM lead methods. POST methods carry the token in the body, GET methods in the query string; the token
 * is checked before anything else of the request is.
 */
@RestController
@RequestMapping(path = "/crmapi/rest/v2/leads", produces = MediaType.APPLICATION_JSON_VALUE)
class LeadController {

    private final Leads leads;
    private final Tokens tokens;
    private final ObjectMapper json;

    LeadController(Leads leads, Tokens tokens, ObjectMapper json) {
        this.leads = leads;
        this.tokens = tokens;
        this.json = json;
    }

    @PostMapping(path = "/create", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<JsonNode> create(@RequestBody ObjectNode body) throws JsonProcessingException {
        LeadComplete lead = leads.create(body, tokens.authenticate(body.path("token").textValue()));
        return Envelope.ok(LeadFields.select(json.valueToTree(lead), body.path("fields_set").textValue()));
    }

    @PostMapping(path = "/update", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<JsonNode> update(@RequestBody ObjectNode body) throws JsonProcessingException {
        LeadComplete lead = leads.update(body, tokens.authenticate(body.path("token").textValue()));
        return Envelope.ok(LeadFields.select(json.valueToTree(lead), body.path("fields_set").textValue()));
    }

    /** {@code lead_identifier} is written the CRM.COM way for query strings: {@code number=19} or {@code id=...}. */
    @GetMapping("/show")
    Envelope<JsonNode> show(@RequestParam(required = false) String token,
                            @RequestParam(name = "lead_identifier") String leadIdentifier,
                            @RequestParam(name = "fields_set", required = false) String fieldsSet,
                            HttpServletRequest request) {
        tokens.authenticate(token);
        QueryParameters.allowOnly(request, Set.of("token", "lead_identifier", "fields_set"));
        LeadFields.check(fieldsSet);
        LeadComplete lead = leads.find(Leads.lookup("lead_identifier", queryIdentifier(leadIdentifier)));
        return Envelope.ok(LeadFields.select(json.valueToTree(lead), fieldsSet));
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
