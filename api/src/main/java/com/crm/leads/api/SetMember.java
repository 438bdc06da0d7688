package com.crm.leads.api;

import java.util.Objects;

/**
 * What a set row holds: a competitor, a user, or for products one of a product, a product type, a brand or a
 * family. Two members are the same when they are of the same kind and name the same entity.
 */
public record SetMember(Kind kind, Reference reference) {

    public enum Kind {
        COMPETITOR, USER, PRODUCT, PRODUCT_TYPE, PRODUCT_BRAND, PRODUCT_FAMILY
    }

    public SetMember {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reference, "reference");
    }

    public static SetMember competitor(Reference competitor) {
        return new SetMember(Kind.COMPETITOR, competitor);
    }

    public static SetMember user(Reference user) {
        return new SetMember(Kind.USER, user);
    }
}
