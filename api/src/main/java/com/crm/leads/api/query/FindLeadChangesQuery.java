package com.crm.leads.api.query;

import com.crm.leads.api.LeadAccess;

/**
 * Fetches the changes after {@code after} (null: from now on) that {@code filter} asks for, of the leads open to
 * {@code access}: at most {@code limit} of them, but never part of a call's events. Answered with an optional
 * {@link ChangePage}: empty when the filter names a lead that does not exist, or is not open to {@code access}.
 */
public record FindLeadChangesQuery(FeedPosition after, ChangeFilter filter, int limit, LeadAccess access) {
}
