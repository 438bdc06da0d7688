package com.crm.leads.api.query;

/**
 * A length of time in one unit, as CRM.COM writes it. Both parts are null where the period does not apply
 * (for example the time overdue of a lead that is not overdue).
 */
public record TimePeriod(Long timePeriodValue, TimeUnit timePeriodUot) {

    public static final TimePeriod NONE = new TimePeriod(null, null);

    public enum TimeUnit {
        MINUTES, HOURS, DAYS, WEEKS, MONTHS, YEARS
    }
}
