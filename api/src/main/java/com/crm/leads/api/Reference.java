package com.crm.leads.api;

import java.util.Objects;

/**
 * A catalogue entity as a lead's events remember it: its id, and its name at the time of the event, so an
 * audit trail read years later still says what was chosen even if the entity was renamed since.
 */
public record Reference(String id, String name) {

    public Reference {
        Objects.requireNonNull(id, "id");
    }
}
