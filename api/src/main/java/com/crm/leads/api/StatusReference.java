package com.crm.leads.api;

import java.util.Objects;

/** A lead status with the classification that the status rules depend on. */
public record StatusReference(String id, String name, LifeCycleState classification) {

    public StatusReference {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(classification, "classification");
    }

    public Reference asReference() {
        return new Reference(id, name);
    }
}
