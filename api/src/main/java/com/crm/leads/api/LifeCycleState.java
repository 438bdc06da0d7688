package com.crm.leads.api;

/**
 * How a lead status is classified. A lead is closed, and no longer updatable, once its status is WON or LOST.
 */
public enum LifeCycleState {
    PENDING, WON, LOST;

    public boolean isClosed() {
        return this != PENDING;
    }
}
