package com.crm.leads.app.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The service's own settings, under {@code leads.*}.
 *
 * @param catalogue      the reference catalogue file; the default one ships in the jar
 * @param tokenLifetime  how long a token lives after it is issued, used or not
 * @param zone           the zone in which dates are written and read (CRM.COM dates carry no zone)
 * @param maxRequestSize the largest request body accepted
 * @param requestBodyDeadline how long a request body may take to arrive in full, counted from the end of its
 *                            headers
 * @param idempotencyWindow how long a request id is remembered: a retry within it answers as the first call
 * @param concurrencyRetries how often a command that lost a race for a lead to another instance is tried again
 * @param snapshotThreshold  a lead is snapshotted every this many events; 0 turns snapshots off
 * @param cachedLeads        how many leads the command side keeps in memory between calls; 0 keeps none
 * @param processorSegments  the fixed number of segments each pooled event processor splits the events into
 * @param maxClaimedSegments how many of them one instance processes at most, so instances share them
 * @param instanceName       this instance's name among those sharing the database (a new one each start unless
 *                           set)
 * @param retryAfterUnavailable how long a client is told to wait ({@code Retry-After}) before it calls again while the
 *                           service cannot take calls: its database is unreachable, or it is starting or stopping
 * @param signIns            when failed sign-ins lock a username or a client address (contract section 2)
 * @param purgeInterval      how often expired tokens, request ids past their window and sign-in failures that no
 *                           longer count are deleted
 * @param changeFeed         how the change feed's streams are fed (contract section 10)
 */
@ConfigurationProperties("leads")
public record LeadsProperties(
        @DefaultValue("classpath:catalogue.json") Resource catalogue,
        @DefaultValue("2h") Duration tokenLifetime,
        @DefaultValue("UTC") ZoneId zone,
        @DefaultValue("1MB") DataSize maxRequestSize,
        @DefaultValue("10s") Duration requestBodyDeadline,
        @DefaultValue("24h") Duration idempotencyWindow,
        @DefaultValue("10") int concurrencyRetries,
        @DefaultValue("100") int snapshotThreshold,
        @DefaultValue("1000") int cachedLeads,
        @DefaultValue("4") int processorSegments,
        @DefaultValue("4") int maxClaimedSegments,
        String instanceName,
        @DefaultValue("5s") Duration retryAfterUnavailable,
        @DefaultValue SignIns signIns,
        @DefaultValue("1h") Duration purgeInterval,
        @DefaultValue ChangeFeed changeFeed) {

    /**
     * @param pollInterval how often the instance reads the event store for its open streams: a change made on any
     *                     instance reaches them within about this long
     * @param heartbeat    a stream that sent nothing for this long sends a heartbeat with its position
     * @param streamBuffer the changes a stream holds for a client that reads slower than they come; past it the
     *                     stream ends, and the client resumes from its last position
     */
    public record ChangeFeed(
            @DefaultValue("250ms") Duration pollInterval,
            @DefaultValue("15s") Duration heartbeat,
            @DefaultValue("1000") int streamBuffer) {
    }

    /**
     * @param failuresPerUsername failed sign-ins for one username, no more than {@code window} apart, that lock it
     * @param failuresPerAddress  the same for one client address, whatever the usernames
     * @param window              how long a failure counts towards a lock (after the last lock, from its end)
     * @param firstCoolDown       how long the first lock lasts; each further failure doubles it
     * @param longestCoolDown     the longest a lock lasts
     */
    public record SignIns(
            @DefaultValue("5") int failuresPerUsername,
            @DefaultValue("50") int failuresPerAddress,
            @DefaultValue("15m") Duration window,
            @DefaultValue("1m") Duration firstCoolDown,
            @DefaultValue("1h") Duration longestCoolDown) {
    }
}
