package com.crm.leads.app.lead;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;

import java.util.Optional;

/** A {@code leads/create} body: the lead parameters and what the lead is for. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class CreateLeadRequest extends LeadParameters {

    @NotNull(message = "is mandatory")
    JsonNode contactInformationIdentifier;
    Optional<JsonNode> accountsReceivableIdentifier;
    @NotNull(message = "is mandatory")
    JsonNode typeIdentifier;
}
