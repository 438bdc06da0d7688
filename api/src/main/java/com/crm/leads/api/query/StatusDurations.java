package com.crm.leads.api.query;

import com.crm.leads.api.LifeCycleState;

import java.util.List;

/**
 * Time spent in each status, read from the status events: per status, how many stays and how many seconds in all
 * (a stay still going counts until now). {@code complete} is false while the figures are being counted again from
 * the first event (a replay), when they may lack some stays.
 */
public record StatusDurations(List<StatusDuration> statuses, boolean complete) {

    public StatusDurations {
        statuses = List.copyOf(statuses);
    }

    public record StatusDuration(String statusId, String statusName, LifeCycleState lifeCycleState, long stays,
                                 long seconds) {
    }
}
