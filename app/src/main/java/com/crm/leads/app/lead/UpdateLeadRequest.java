package com.crm.leads.app.lead;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A {@code leads/update} body: which lead, and the parameters to change. The lead is looked up before the rest of
 * the body is read (a closed lead refuses any body), so {@code lead_identifier} is only carried here.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class UpdateLeadRequest extends LeadParameters {

    JsonNode leadIdentifier;
    /** The version the caller read; the update applies only to that version. */
    @PositiveOrZero
    Long expectedVersion;
}
