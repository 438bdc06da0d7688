package com.crm.leads.api.query;

/**
 * Whether any lead has ever been in the status {@code statusId}, answered with a {@link Boolean}: a status in use keeps
 * its classification, or the leads in it would change what they are without an event saying so.
 */
public record StatusUsedQuery(String statusId) {
}
