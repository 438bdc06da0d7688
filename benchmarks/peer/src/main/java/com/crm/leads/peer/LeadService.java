package com.crm.leads.peer;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.function.Consumer;

@Service
class LeadService {

    private final LeadRepository leads;

    LeadService(LeadRepository leads) {
        this.leads = leads;
    }

    @Transactional
    Lead create(Consumer<Lead> fields) {
        Lead lead = new Lead(String.valueOf(leads.nextNumber()));
        fields.accept(lead);
        return leads.save(lead);
    }

    /**
     * Changes a lead under a row lock rather than with optimistic retries: the case that matters is many clients
     * on one hot lead, where optimistic writers mostly lose and redo their whole transaction (work growing with the
     * number of clients, and any bounded retry can run out), while locked writers queue at the database and each
     * does its work once. {@code @Version} still counts the changes and stops any writer that skips the lock.
     */
    @Transactional
    Lead update(String number, Consumer<Lead> changes) {
        Lead lead = leads.findForUpdateByNumber(number)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "no lead has the number " + number));
        changes.accept(lead);
        return lead;
    }
}
