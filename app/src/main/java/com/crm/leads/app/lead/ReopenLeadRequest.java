package com.crm.leads.app.lead;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code leads/reopen} body: which lead, the status classified PENDING it goes back to, and why. The token is
 * read before; {@code fields_set} chooses what of the lead the answer shows, as for an update.
 */
record ReopenLeadRequest(String token, JsonNode leadIdentifier, JsonNode statusIdentifier, String reason,
                         String fieldsSet) {
}
