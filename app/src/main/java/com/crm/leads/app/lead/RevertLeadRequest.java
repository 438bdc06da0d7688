package com.crm.leads.app.lead;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A {@code leads/revert} body: which lead, the version whose fields, sets and status it goes back to, optionally the
 * version the caller read, and whether this is a dry run. {@code fields_set} chooses what the answer shows.
 */
record RevertLeadRequest(String token, JsonNode leadIdentifier, Long toVersion, Long expectedVersion, Boolean dryRun,
                         String fieldsSet) {
}
