package com.crm.leads.api;

import java.time.temporal.ChronoUnit;

/** The units CRM.COM measures time periods in, largest first. */
public enum PeriodUnit {
    YEARS(ChronoUnit.YEARS),
    MONTHS(ChronoUnit.MONTHS),
    WEEKS(ChronoUnit.WEEKS),
    DAYS(ChronoUnit.DAYS),
    HOURS(ChronoUnit.HOURS),
    MINUTES(ChronoUnit.MINUTES);

    private final ChronoUnit unit;

    PeriodUnit(ChronoUnit unit) {
        this.unit = unit;
    }

    public ChronoUnit chronoUnit() {
        return unit;
    }
}
