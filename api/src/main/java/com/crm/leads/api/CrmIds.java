package com.crm.leads.api;

import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/** Ids as CRM.COM writes them: 32 upper-case hexadecimal characters. */
public final class CrmIds {

    private static final Pattern FORMAT = Pattern.compile("[0-9A-F]{32}");

    private CrmIds() {
    }

    public static String random() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** {@code id} itself, if it is written as an id; refused otherwise, naming it as {@code what}. */
    static String checked(String id, String what) {
        if (!FORMAT.matcher(id).matches()) {
            throw new IllegalArgumentException("a " + what + " is 32 upper-case hexadecimal characters: " + id);
        }
        return id;
    }
}
