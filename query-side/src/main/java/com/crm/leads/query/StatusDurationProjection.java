package com.crm.leads.query;

import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadReopened;
import com.crm.leads.api.event.StatusChanged;
import com.crm.leads.api.query.FindStatusDurationsQuery;
import com.crm.leads.api.query.StatusDurations;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How long leads stay in each status, from the status events. It needs no read-your-writes, so it runs on a pooled
 * streaming processor ({@link ProcessingGroups#STATUS_DURATIONS}) with its own token and dead-letter queue, and
 * can be replayed from the start; while it replays, its answers say they are not complete.
 */
@Component
@ProcessingGroup(ProcessingGroups.STATUS_DURATIONS)
class StatusDurationProjection {

    private final JdbcTemplate jdbc;
    private final LeadViewRepository leads;
    private final Clock clock;
    private final EventProcessingConfiguration processing;

    StatusDurationProjection(JdbcTemplate jdbc, LeadViewRepository leads, Clock clock,
                             EventProcessingConfiguration processing) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.clock = clock;
        this.processing = processing;
    }

    @EventHandler
    void on(LeadCreated created, DomainEventMessage<LeadCreated> message) {
        enter(created.leadId().value(), message.getSequenceNumber(), created.status(), message.getTimestamp());
    }

    @EventHandler
    void on(StatusChanged changed, DomainEventMessage<StatusChanged> message) {
        move(changed.leadId().value(), message, changed.to());
    }

    @EventHandler
    void on(LeadReopened reopened, DomainEventMessage<LeadReopened> message) {
        move(reopened.leadId().value(), message, reopened.to());
    }

    /** The lead leaves the status it was in and enters {@code to}. */
    private void move(String leadId, DomainEventMessage<?> message, StatusReference to) {
        jdbc.update("UPDATE lead_status_period SET left_at = ? WHERE lead_id = ? AND left_at IS NULL",
                Timestamp.from(message.getTimestamp()), leadId);
        enter(leadId, message.getSequenceNumber(), to, message.getTimestamp());
    }

    @ResetHandler
    void forgetEverything() {
        jdbc.update("DELETE FROM lead_status_period");
    }

    /** An event applied twice (a retry from the dead-letter queue) leaves one stay, not two. */
    private void enter(String leadId, long sequence, StatusReference status, Instant at) {
        jdbc.update("DELETE FROM lead_status_period WHERE lead_id = ? AND entered_sequence = ?", leadId, sequence);
        jdbc.update("INSERT INTO lead_status_period (lead_id, entered_sequence, status_id, status_name, "
                        + "life_cycle_state, entered_at) VALUES (?, ?, ?, ?, ?, ?)",
                leadId, sequence, status.id(), status.name(), status.classification().name(), Timestamp.from(at));
    }

    @QueryHandler
    Optional<StatusDurations> handle(FindStatusDurationsQuery query) {
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        String where;
        if (query.lookup() != null) {
            Optional<LeadState> lead = leads.find(query.lookup(), query.access());
            if (lead.isEmpty()) {
                return Optional.empty();
            }
            where = " WHERE lead_id = :lead_id";
            parameters.addValue("lead_id", lead.get().leadId().value());
        } else if (query.access().everyLead()) {
            where = "";
        } else {
            where = " WHERE lead_id IN (SELECT lead_id FROM " + LeadViewRepository.LIVE_TABLE + " WHERE "
                    + LeadViewRepository.openTo(query.access(), parameters) + ")";
        }
        Instant now = clock.instant();
        Map<String, StatusDurations.StatusDuration> totals = new LinkedHashMap<>();
        new NamedParameterJdbcTemplate(jdbc).query("SELECT status_id, status_name, life_cycle_state, entered_at,"
                + " left_at FROM lead_status_period" + where + " ORDER BY status_name, status_id", parameters, rs -> {
                    Instant left = rs.getTimestamp(5) == null ? now : rs.getTimestamp(5).toInstant();
                    long seconds = Duration.between(rs.getTimestamp(4).toInstant(), left).toSeconds();
                    totals.merge(rs.getString(1), new StatusDurations.StatusDuration(rs.getString(1),
                                    rs.getString(2), LifeCycleState.valueOf(rs.getString(3)), 1, seconds),
                            (sum, stay) -> new StatusDurations.StatusDuration(sum.statusId(), sum.statusName(),
                                    sum.lifeCycleState(), sum.stays() + 1, sum.seconds() + stay.seconds()));
                });
        return Optional.of(new StatusDurations(List.copyOf(totals.values()), !replaying()));
    }

    /** Whether this instance is replaying the status events, so the stays are still being counted again. */
    private boolean replaying() {
        return processing.eventProcessor(ProcessingGroups.STATUS_DURATIONS, StreamingEventProcessor.class)
                .map(StreamingEventProcessor::isReplaying).orElse(false);
    }
}
