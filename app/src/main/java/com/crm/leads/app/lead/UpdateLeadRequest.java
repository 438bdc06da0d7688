package com.crm.leads.app.lead;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

/** A {@code leads/update} body: which lead, and the parameters to change. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class UpdateLeadRequest extends LeadParameters {

    @NotNull(message = "is mandatory")
    JsonNode leadIdentifier;
}
