package com.crm.leads.query;

/** The event processing groups of the query side, for the application to configure. */
public final class ProcessingGroups {

    /** The lead read model; it must see each event in the transaction that stores it (read-your-writes). */
    public static final String LEAD_VIEW = "lead-view";

    /** Time spent in each status; eventually consistent, so it runs apart from the commands, and can replay. */
    public static final String STATUS_DURATIONS = "status-durations";

    private ProcessingGroups() {
    }
}
