package com.crm.leads.app.lead;

import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.stereotype.Component;

/**
 * Hands out lead numbers from a database sequence, so numbers stay unique across restarts and instances. Numbers
 * below the sequence's start are left to leads that arrive with a number of their own (the seeded leads).
 */
@Component
class LeadNumbers {

    private final DataFieldMaxValueIncrementer sequence;

    LeadNumbers(DataFieldMaxValueIncrementer leadNumberSequence) {
        this.sequence = leadNumberSequence;
    }

    String next() {
        return sequence.nextStringValue();
    }
}
