package com.crm.leads.query;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.query.LeadLookup;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The leads of the {@code lead_view} read model, one row each ({@link StoredLead}), read and written a lead at a
 * time or a batch of leads at a time. The rebuild keeps its leads the same way in a table beside it
 * ({@link LeadViewRebuildTable}).
 */
@Repository
class LeadViewRepository {

    /** The table the service answers from. */
    static final String LIVE_TABLE = "lead_view";
    private static final String SET_CHANGING = String.join(", ", StoredLead.CHANGING_COLUMNS.stream()
            .map(column -> column + " = ?").toList());

    private final JdbcTemplate jdbc;
    private final String table;
    private final Optional<FoldedLeads> folded;

    /** The live leads; a lead found at a version {@code folded} keeps is taken from there, not parsed again. */
    @Autowired
    LeadViewRepository(JdbcTemplate jdbc, FoldedLeads folded) {
        this(jdbc, LIVE_TABLE, Optional.of(folded));
    }

    /** The leads in the table a rebuild makes beside the live one. */
    LeadViewRepository(JdbcTemplate jdbc, String table) {
        this(jdbc, table, Optional.empty());
    }

    private LeadViewRepository(JdbcTemplate jdbc, String table, Optional<FoldedLeads> folded) {
        this.jdbc = jdbc;
        this.table = table;
        this.folded = folded;
    }

    /** The table these leads are kept in. */
    String table() {
        return table;
    }

    Optional<LeadState> find(LeadId leadId) {
        return findWhere("lead_id", leadId.value());
    }

    /**
     * The lead a client named, by its id or by its number, if it is open to the client's {@code access}: every
     * question about one lead starts here, so none can answer about a lead its caller may not see.
     */
    Optional<LeadState> find(LeadLookup lookup, LeadAccess access) {
        Optional<LeadState> lead = lookup instanceof LeadLookup.ById byId
                ? find(byId.leadId())
                : findWhere("lead_number", ((LeadLookup.ByNumber) lookup).number());
        return lead.filter(found -> access.opens(found.value(LeadField.PRIVACY_LEVEL, Reference.class)));
    }

    /**
     * The condition, on this table's rows, that keeps the leads open to {@code access}, with its parameters added
     * to {@code parameters}: what every question about many leads narrows by.
     */
    static String openTo(LeadAccess access, MapSqlParameterSource parameters) {
        if (access.everyLead()) {
            return "1 = 1";
        }
        if (access.privacyLevelIds().isEmpty()) {
            return "privacy_level_id IS NULL";
        }
        parameters.addValue("open_privacy_levels", access.privacyLevelIds());
        return "(privacy_level_id IS NULL OR privacy_level_id IN (:open_privacy_levels))";
    }

    /** The lead at {@code version}, if a transaction that committed lately left it there. */
    Optional<LeadState> folded(LeadId leadId, long version) {
        return folded.flatMap(kept -> kept.at(leadId, version));
    }

    /** {@code leads} as a transaction that committed wrote them, for whoever reads them at their version next. */
    void committed(Collection<LeadState> leads) {
        folded.ifPresent(kept -> kept.committed(leads));
    }

    void insert(LeadState lead) {
        insert(List.of(lead));
    }

    void insert(List<LeadState> leads) {
        if (leads.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", StoredLead.ALL_COLUMNS) + ") VALUES ("
                        + String.join(", ", StoredLead.ALL_COLUMNS.stream().map(column -> "?").toList()) + ")",
                leads.stream().map(StoredLead::all).toList());
    }

    void update(List<LeadState> leads) {
        if (leads.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE " + table + " SET " + SET_CHANGING + " WHERE lead_id = ?",
                leads.stream().map(lead -> StoredLead.changing(lead, lead.leadId().value())).toList());
    }

    /**
     * Replaces the stored lead with {@code lead} if it is still at {@code expectedVersion}; false when a newer
     * event got there first (or there is no such lead).
     */
    boolean replace(LeadState lead, long expectedVersion) {
        return jdbc.update("UPDATE " + table + " SET " + SET_CHANGING + " WHERE lead_id = ? AND version = ?",
                StoredLead.changing(lead, lead.leadId().value(), expectedVersion)) == 1;
    }

    /** The version column of a stored lead, which {@link #replace} compares with. */
    Optional<Long> storedVersion(LeadId leadId) {
        return jdbc.query("SELECT version FROM " + table + " WHERE lead_id = ?",
                (rs, row) -> rs.getLong(1), leadId.value()).stream().findFirst();
    }

    /**
     * Locks these leads' rows until the transaction ends, so whatever else keeps something of theirs in step
     * with this read model waits meanwhile.
     *
     * @return the version each lead is at
     */
    Map<LeadId, Long> lock(Collection<LeadId> leadIds) {
        Map<LeadId, Long> versions = new HashMap<>();
        new NamedParameterJdbcTemplate(jdbc).query("SELECT lead_id, version FROM " + table
                        + " WHERE lead_id IN (:ids) FOR UPDATE",
                new MapSqlParameterSource("ids", leadIds.stream().map(LeadId::value).toList()),
                rs -> {
                    versions.put(new LeadId(rs.getString(1)), rs.getLong(2));
                });
        return versions;
    }

    /** A lead as the change feed names it and judges who may see it. */
    record Seen(String number, String privacyLevelId) {
    }

    /** The number and privacy level of each of these leads the read model holds. */
    Map<LeadId, Seen> seen(Collection<LeadId> leadIds) {
        Map<LeadId, Seen> seen = new HashMap<>();
        new NamedParameterJdbcTemplate(jdbc).query("SELECT lead_id, lead_number, privacy_level_id FROM " + table
                        + " WHERE lead_id IN (:ids)",
                new MapSqlParameterSource("ids", leadIds.stream().map(LeadId::value).toList()),
                rs -> {
                    seen.put(new LeadId(rs.getString(1)), new Seen(rs.getString(2), rs.getString(3)));
                });
        return seen;
    }

    private record Located(LeadId leadId, long version) {
    }

    private Optional<LeadState> findWhere(String column, String value) {
        if (folded.isEmpty()) {
            return stateWhere(column, value);
        }
        return jdbc.query("SELECT lead_id, version FROM " + table + " WHERE " + column + " = ?",
                        (rs, row) -> new Located(new LeadId(rs.getString(1)), rs.getLong(2)), value).stream()
                .findFirst()
                .flatMap(located -> folded.get().at(located.leadId(), located.version())
                        .or(() -> stateWhere("lead_id", located.leadId().value())));
    }

    private Optional<LeadState> stateWhere(String column, String value) {
        return jdbc.query("SELECT state FROM " + table + " WHERE " + column + " = ?",
                (rs, row) -> StoredLead.read(rs.getString(1)), value).stream().findFirst();
    }
}
