package com.crm.leads.api.query;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;

import java.time.Instant;

/**
 * One change of a lead as an auditor reads it: which event ({@code LEAD_CREATED}, {@code FIELD_CHANGED},
 * {@code STATUS_CHANGED}, {@code COMPETITOR_ADDED}, ...), which field, its value before and after (null where there
 * was none), who made the change, in which unit, when, and in which request. An event that changes several things
 * (the creation, a status move with its lost reason) gives one entry per field, all with its sequence number.
 */
public record HistoryEntry(long sequenceNumber, String event, String field, Object oldValue, Object newValue,
                           User performedByUser, Unit performedByUnit, Instant performedDate, String requestId) {
}
