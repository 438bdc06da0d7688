package com.crm.leads.api.query;

import com.crm.leads.api.PeriodUnit;

/**
 * A length of time in one unit. Both parts are null where the period does not apply (for example the time overdue
 * of a lead that is not overdue).
 */
public record TimePeriod(Long value, PeriodUnit unit) {

    public static final TimePeriod NONE = new TimePeriod(null, null);
}
