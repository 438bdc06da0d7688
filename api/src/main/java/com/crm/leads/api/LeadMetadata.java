package com.crm.leads.api;

/**
 * Keys of the metadata every command and event of a call carries: who acted, in which unit, and the call's
 * request id. The event timestamp says when.
 */
public final class LeadMetadata {

    public static final String USER_ID = "user_id";
    public static final String UNIT_ID = "unit_id";
    public static final String REQUEST_ID = "request_id";
    /** On the events of a revert: the version of the lead they bring it back to. */
    public static final String REVERTED_TO = "reverted_to";

    private LeadMetadata() {
    }
}
