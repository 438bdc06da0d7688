package com.crm.leads.api;

/** The importance levels CRM.COM offers for a lead. */
public enum Importance {
    IMPORTANCE1, IMPORTANCE2, IMPORTANCE3, IMPORTANCE4, IMPORTANCE5, CUSTOM1, CUSTOM2, CUSTOM3
}
