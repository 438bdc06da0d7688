package com.crm.leads.api.query;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;

import java.time.Instant;

/** Who created a lead and who changed it last, where, and when: from its first and its latest event. */
public record LogInformation(Instant createdDate, Instant updatedDate, User createdByUser, User updatedByUser,
                             Unit createdByUnit, Unit updatedByUnit) {
}
