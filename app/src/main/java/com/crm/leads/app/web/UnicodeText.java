package com.crm.leads.app.web;

/**
 * Text the service can keep and compare: Unicode, so no half of a surrogate pair on its own, and without NUL, which
 * PostgreSQL cannot store in text and which no parameter of the API means.
 */
public final class UnicodeText {

    private UnicodeText() {
    }

    public static boolean isUsable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0' || Character.isLowSurrogate(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    /** What a client is told about text that is not usable. */
    public static String refusal(String parameter) {
        return parameter + " must be Unicode text without NUL (U+0000) and without half a surrogate pair";
    }
}
