package com.crm.leads.api;

import java.util.Objects;

/**
 * A catalogue entity as a lead's events remember it: its id, and its name at the time of the event, so an
 * audit trail read years later still says what was chosen even if the entity was renamed since. Two references
 * are the same when they name the same entity, whatever it was called.
 */
public record Reference(String id, String name) {

    public Reference {
        Objects.requireNonNull(id, "id");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reference reference && reference.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
