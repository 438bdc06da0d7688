package com.crm.leads.api.query;

import com.crm.leads.api.Importance;
import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LifeCycleState;

import java.time.Instant;

/**
 * Fetches one page of leads, by number, that match every filter given (a null filter matches all). Catalogue
 * filters are entity ids; the update dates are a range from {@code updatedFrom} up to, not including,
 * {@code updatedBefore}; {@code searchValue} matches a lead's number exactly, or its contact's name or its contact
 * e-mail in part, in any letter case. Only leads open to {@code access} are listed and counted. Answered with a
 * {@link LeadPage}.
 */
public record FindLeadsQuery(
        String contactId,
        String accountsReceivableId,
        String typeId,
        String categoryId,
        String statusId,
        String ownedByGroupId,
        String assignedToUserId,
        Importance importance,
        LifeCycleState lifeCycleState,
        Instant updatedFrom,
        Instant updatedBefore,
        String searchValue,
        int page,
        int recordsPerPage,
        LeadAccess access) {
}
