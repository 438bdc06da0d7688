package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

/**
 * {@code leads/update} is atomic (LEADS-API.md, section 5): one refused parameter, value or rule refuses the whole
 * call, and none of its other changes is applied.
 */
class LeadUpdateAtomicityApiTest extends ApiTest {

    @Test
    void oneInvalidParameterRefusesTheWholeCallAndTheValidOneIsNotApplied() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "contact_email", "valid@example.com", "priority", 9),
                "INVALID_PARAMETER", 400, "priority");
    }

    @Test
    void aMandatoryFieldSetToNullRefusesTheWholeCall() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "description", "valid", "udf_string_4", "valid", "importance", null),
                "INVALID_PARAMETER", 400, "importance");
    }

    @Test
    void aBrokenStatusRuleRefusesTheFieldChangesOfTheSameCall() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "description", "valid", "priority", 1,
                        "lost_reason_identifier", Map.of("name", "Price")),
                "INVALID_PARAMETER", 400, "lost_reason_identifier");
    }

    @Test
    void anUnknownReferenceRefusesAStatusMoveInTheSameCall() {
        JsonNode lead = newLead();

        refused(lead, update(lead, "status_identifier", Map.of("name", "Won"),
                        "category_identifier", Map.of("name", "Nope")),
                "NOT_FOUND", 400, "category_identifier");
    }
}
