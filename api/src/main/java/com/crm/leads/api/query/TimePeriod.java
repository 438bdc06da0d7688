package com.crm.leads.api.query;

import com.crm.leads.api.PeriodUnit;

/**
 * A length of time in one unit, as CRM.COM writes it. Both parts are null where the period does not apply
 * (for example the time overdue of a lead that is not overdue).
 */
public record TimePeriod(Long timePeriodValue, PeriodUnit timePeriodUot) {

    public static final TimePeriod NONE = new TimePeriod(null, null);
}
