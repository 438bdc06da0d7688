package com.crm.leads.peer;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** Creates and updates leads; the body carries the token, as everywhere in this API. */
@RestController
@RequestMapping("/crmapi/rest/v2/leads")
class LeadController {

    private final Tokens tokens;
    private final LeadService leads;

    LeadController(Tokens tokens, LeadService leads) {
        this.tokens = tokens;
        this.leads = leads;
    }

    @PostMapping("/create")
    Envelope<Map<String, Object>> create(@RequestBody JsonNode body) {
        tokens.authenticate(body.path("token").asText(null));
        Map<String, JsonNode> fields = LeadFields.sent(body);
        Lead lead = leads.create(created -> LeadFields.apply(fields, created));
        return Envelope.ok(answer(lead, Map.of()));
    }

    /** Answers the lead's number and version and the fields this call set. */
    @PostMapping("/update")
    Envelope<Map<String, Object>> update(@RequestBody JsonNode body) {
        tokens.authenticate(body.path("token").asText(null));
        JsonNode number = body.path("lead_identifier").path("number");
        if (!number.isTextual()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "lead_identifier.number is required");
        }
        Map<String, JsonNode> fields = LeadFields.sent(body);
        Lead lead = leads.update(number.asText(), updated -> LeadFields.apply(fields, updated));
        return Envelope.ok(answer(lead, fields));
    }

    private static Map<String, Object> answer(Lead lead, Map<String, JsonNode> fields) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("number", lead.getNumber());
        data.put("version", lead.getVersion());
        data.putAll(fields);
        return data;
    }
}
