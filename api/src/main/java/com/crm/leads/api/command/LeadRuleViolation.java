package com.crm.leads.api.command;

/**
 * A command broke one of the lead's rules; nothing was stored. {@code parameter} names the offending API
 * parameter so the caller can be told which one.
 */
public class LeadRuleViolation extends RuntimeException {

    /** The rules a command can break, each with a stable code that clients can act on. */
    public enum Rule {
        LEAD_CLOSED,
        LOST_REASON_REQUIRED,
        INVALID_PARAMETER,
        /** A set entry to remove names a row the set does not have. */
        ENTRY_NOT_FOUND,
        /** The caller expected another version of the lead than the one it has now. */
        VERSION_CONFLICT
    }

    private final Rule rule;
    private final String parameter;

    public LeadRuleViolation(Rule rule, String parameter, String message) {
        super(message);
        this.rule = rule;
        this.parameter = parameter;
    }

    public Rule getRule() {
        return rule;
    }

    public String getParameter() {
        return parameter;
    }
}
