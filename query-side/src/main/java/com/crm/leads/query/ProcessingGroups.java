package com.crm.leads.query;

/** The event processing groups of the query side, for the application to configure. */
public final class ProcessingGroups {

    /** The lead read model; it must see each event in the transaction that stores it (read-your-writes). */
    public static final String LEAD_VIEW = "lead-view";

    private ProcessingGroups() {
    }
}
