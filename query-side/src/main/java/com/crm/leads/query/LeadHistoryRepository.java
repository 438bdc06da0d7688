package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.StatusReference;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The history tables: each lead's history entries ({@code lead_history_entry}) and the checkpoints of its folded
 * state ({@code lead_checkpoint}). Every read that answers a query is a range of an index within one lead.
 */
@Repository
class LeadHistoryRepository {

    /** The kinds of value an entry holds, by the name stored beside the values. */
    private static final Map<String, Class<?>> VALUE_KINDS = Map.of("TEXT", String.class,
            "REFERENCE", Reference.class, "STATUS", StatusReference.class, "FIELD", FieldValue.class,
            "ROW", SetRow.class);
    private static final String ENTRY_COLUMNS = "lead_id, ordinal, sequence_number, event, field, user_id, unit_id,"
            + " performed_date, request_id, value_kind, old_value, new_value, reached_date, reverted_to";
    private static final String CHECKPOINT_COLUMNS = "lead_id, version, reached_date, state";

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final String entries;
    private final String checkpoints;

    @Autowired
    LeadHistoryRepository(JdbcTemplate jdbc) {
        this(jdbc, "lead_history_entry", "lead_checkpoint");
    }

    /** The history in these tables: the live ones, or those a rebuild makes beside them. */
    LeadHistoryRepository(JdbcTemplate jdbc, String entries, String checkpoints) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.entries = entries;
        this.checkpoints = checkpoints;
    }

    /** Whether any lead's history has it in the status {@code statusId}: its creation or a move to it. */
    boolean statusUsed(String statusId) {
        return !jdbc.queryForList("SELECT 1 FROM " + entries + " WHERE field = 'STATUS' AND new_value LIKE ? "
                + "FETCH FIRST 1 ROWS ONLY", Integer.class, "%\"id\":\"" + statusId.replace("%", "") + "\"%").isEmpty();
    }

    /** The rebuild's twin of this history. */
    LeadHistoryRepository beside() {
        return new LeadHistoryRepository(jdbc, entries + "_rebuild", checkpoints + "_rebuild");
    }

    /**
     * One entry of a lead's history as stored: what {@link LeadHistory} shows, with the user and unit as ids.
     *
     * @param ordinal     the entry's place in the lead's history, from 0
     * @param reachedDate the latest performed date of this entry's event and every event before it
     * @param revertedTo  the version a revert's event brought the lead back to; null for any other event
     */
    record Row(LeadId leadId, long ordinal, long sequenceNumber, String event, String field, String userId,
               String unitId, Instant performedDate, String requestId, Object oldValue, Object newValue,
               Instant reachedDate, Long revertedTo) {
    }

    /** A lead's folded state after event {@code state.version()}, with the latest date of the events up to it. */
    record Checkpoint(LeadState state, Instant reachedDate) {
    }

    /** Where a lead's stored history ends: its last entry. */
    record Tail(long lastOrdinal, long lastSequence, Instant reachedDate) {

        /** Before a lead's first event. */
        static final Tail NONE = new Tail(-1, -1, Instant.MIN);
    }

    /**
     * The filters of a history page, each optional: {@code changed} the keys of what an entry may be about,
     * {@code userIds} the ids the user filter names.
     */
    record Filter(Collection<String> changed, Collection<String> userIds, Instant from, Instant before) {

        boolean none() {
            return changed == null && userIds == null && from == null && before == null;
        }
    }

    /**
     * Where a lead's stored history ends, if its last entry belongs to event {@code sequenceNumber} or a later one.
     * Asked through the sequence index: H2 finds a lead's last ordinal by walking all of the lead's primary key, which
     * on a lead with a long history made every update cost its whole history.
     */
    Optional<Tail> tail(LeadId leadId, long sequenceNumber) {
        return jdbc.query("SELECT ordinal, sequence_number, reached_date FROM " + entries
                        + " WHERE lead_id = ? AND sequence_number >= ? ORDER BY ordinal DESC FETCH FIRST 1 ROW ONLY",
                (rs, row) -> new Tail(rs.getLong(1), rs.getLong(2), instant(rs, "reached_date")),
                leadId.value(), sequenceNumber).stream().findFirst();
    }

    void insert(List<Row> rows, List<Checkpoint> states) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + entries + " (" + ENTRY_COLUMNS + ") VALUES ("
                    + "?, ".repeat(13) + "?)", rows.stream().map(LeadHistoryRepository::values).toList());
        }
        if (!states.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO " + checkpoints + " (" + CHECKPOINT_COLUMNS + ") VALUES (?, ?, ?, ?)",
                    states.stream().map(checkpoint -> new Object[]{checkpoint.state().leadId().value(),
                            checkpoint.state().version(), Timestamp.from(checkpoint.reachedDate()),
                            StoredJson.write(checkpoint.state())}).toList());
        }
    }

    /** Forgets what is stored of these leads' histories. */
    void delete(Collection<LeadId> leadIds) {
        if (leadIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource ids = ids(leadIds);
        named.update("DELETE FROM " + entries + " WHERE lead_id IN (:ids)", ids);
        named.update("DELETE FROM " + checkpoints + " WHERE lead_id IN (:ids)", ids);
    }

    /** Puts {@code rebuilt}'s history of these leads in place of this one's, two statements a table. */
    void replace(Collection<LeadId> leadIds, LeadHistoryRepository rebuilt) {
        if (leadIds.isEmpty()) {
            return;
        }
        delete(leadIds);
        MapSqlParameterSource ids = ids(leadIds);
        named.update("INSERT INTO " + entries + " (" + ENTRY_COLUMNS + ") SELECT " + ENTRY_COLUMNS + " FROM "
                + rebuilt.entries + " WHERE lead_id IN (:ids)", ids);
        named.update("INSERT INTO " + checkpoints + " (" + CHECKPOINT_COLUMNS + ") SELECT " + CHECKPOINT_COLUMNS
                + " FROM " + rebuilt.checkpoints + " WHERE lead_id IN (:ids)", ids);
    }

    /** The last event each of these leads has entries for; a lead with none is left out. */
    Map<LeadId, Long> lastSequences(Collection<LeadId> leadIds) {
        Map<LeadId, Long> last = new HashMap<>();
        named.query("SELECT lead_id, MAX(sequence_number) FROM " + entries + " WHERE lead_id IN (:ids)"
                + " GROUP BY lead_id", ids(leadIds), rs -> {
            last.put(new LeadId(rs.getString(1)), rs.getLong(2));
        });
        return last;
    }

    /** Up to {@code limit} lead ids that this history holds, in order, after {@code after} (null: from the first). */
    List<LeadId> leadsAfter(LeadId after, int limit) {
        return jdbc.query("SELECT DISTINCT lead_id FROM " + entries + " WHERE lead_id > ? ORDER BY lead_id"
                        + " FETCH FIRST " + limit + " ROWS ONLY",
                (rs, row) -> new LeadId(rs.getString(1)), after == null ? "" : after.value());
    }

    /** The leads of {@code leads} whose history has not reached the version the read model holds them at. */
    List<LeadId> behind(LeadViewRepository leads) {
        return jdbc.query("SELECT l.lead_id FROM " + leads.table() + " l WHERE l.version > COALESCE("
                + "(SELECT MAX(h.sequence_number) FROM " + entries + " h WHERE h.lead_id = l.lead_id), -1)",
                (rs, row) -> new LeadId(rs.getString(1)));
    }

    /** One page of a lead's entries, oldest first. */
    List<Row> page(LeadId leadId, Filter filter, long offset, int limit) {
        if (filter.none()) {
            // entries are numbered without gaps: the page is a range of the primary key, skipping nothing
            return jdbc.query("SELECT " + ENTRY_COLUMNS + " FROM " + entries
                            + " WHERE lead_id = ? AND ordinal >= ? AND ordinal < ? ORDER BY ordinal", ROW,
                    leadId.value(), offset, offset + limit);
        }
        Where where = Where.of(leadId, filter);
        where.parameters().addValue("offset", offset).addValue("limit", limit);
        return named.query("SELECT " + ENTRY_COLUMNS + " FROM " + entries + where.sql()
                + " ORDER BY ordinal OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY", where.parameters(), ROW);
    }

    /**
     * How many of a lead's entries match: without filters, read off its last entry (that of event {@code version},
     * the lead's last) instead of counted.
     */
    long count(LeadId leadId, long version, Filter filter) {
        if (filter.none()) {
            return tail(leadId, version).map(tail -> tail.lastOrdinal() + 1).orElse(0L);
        }
        Where where = Where.of(leadId, filter);
        Long count = named.queryForObject("SELECT COUNT(*) FROM " + entries + where.sql(), where.parameters(),
                Long.class);
        return count == null ? 0 : count;
    }

    /** The last checkpoint of a lead at or before {@code version}. */
    Optional<Checkpoint> checkpointAtOrBefore(LeadId leadId, long version) {
        return jdbc.query("SELECT state, reached_date FROM " + checkpoints + " WHERE lead_id = ? AND version <= ?"
                + " ORDER BY version DESC FETCH FIRST 1 ROW ONLY", CHECKPOINT, leadId.value(), version)
                .stream().findFirst();
    }

    /**
     * The last checkpoint of a lead that all its events up to are from before {@code before}. Stored dates are to
     * the microsecond, so {@code before} is taken down to it: a checkpoint within its microsecond is left out.
     */
    Optional<Checkpoint> checkpointBefore(LeadId leadId, Instant before) {
        return jdbc.query("SELECT state, reached_date FROM " + checkpoints + " WHERE lead_id = ? AND reached_date < ?"
                        + " ORDER BY reached_date DESC, version DESC FETCH FIRST 1 ROW ONLY", CHECKPOINT,
                leadId.value(), Timestamp.from(before.truncatedTo(ChronoUnit.MICROS))).stream().findFirst();
    }

    void clear() {
        jdbc.execute("TRUNCATE TABLE " + entries);
        jdbc.execute("TRUNCATE TABLE " + checkpoints);
    }

    /** A filter as SQL conditions and their parameters. */
    private record Where(String sql, MapSqlParameterSource parameters) {

        static Where of(LeadId leadId, Filter filter) {
            StringBuilder sql = new StringBuilder(" WHERE lead_id = :lead");
            MapSqlParameterSource parameters = new MapSqlParameterSource("lead", leadId.value());
            if (filter.changed() != null) {
                // SQL has no empty IN list; a filter on nothing the history knows matches no entry
                sql.append(filter.changed().isEmpty() ? " AND 1 = 0" : " AND field IN (:changed)");
                parameters.addValue("changed", filter.changed());
            }
            if (filter.userIds() != null) {
                sql.append(" AND user_id IN (:users)");
                parameters.addValue("users", filter.userIds());
            }
            if (filter.from() != null) {
                sql.append(" AND performed_date >= :from");
                parameters.addValue("from", Timestamp.from(filter.from()));
            }
            if (filter.before() != null) {
                sql.append(" AND performed_date < :before");
                parameters.addValue("before", Timestamp.from(filter.before()));
            }
            return new Where(sql.toString(), parameters);
        }
    }

    private static MapSqlParameterSource ids(Collection<LeadId> leadIds) {
        return new MapSqlParameterSource("ids", leadIds.stream().map(LeadId::value).toList());
    }

    private static Object[] values(Row row) {
        String kind = row.oldValue() != null ? kindOf(row.oldValue()) : kindOf(row.newValue());
        return new Object[]{row.leadId().value(), row.ordinal(), row.sequenceNumber(), row.event(), row.field(),
                row.userId(), row.unitId(), Timestamp.from(row.performedDate()), row.requestId(), kind,
                json(row.oldValue()), json(row.newValue()), Timestamp.from(row.reachedDate()), row.revertedTo()};
    }

    private static String kindOf(Object value) {
        return VALUE_KINDS.entrySet().stream().filter(kind -> kind.getValue().isInstance(value))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stored kind for " + value.getClass()));
    }

    private static String json(Object value) {
        return value == null ? null : StoredJson.write(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static final RowMapper<Row> ROW = (rs, row) -> {
        Class<?> kind = VALUE_KINDS.get(rs.getString("value_kind"));
        String oldValue = rs.getString("old_value");
        String newValue = rs.getString("new_value");
        return new Row(new LeadId(rs.getString("lead_id")), rs.getLong("ordinal"), rs.getLong("sequence_number"),
                rs.getString("event"), rs.getString("field"), rs.getString("user_id"), rs.getString("unit_id"),
                instant(rs, "performed_date"), rs.getString("request_id"),
                oldValue == null ? null : StoredJson.read(oldValue, kind),
                newValue == null ? null : StoredJson.read(newValue, kind),
                instant(rs, "reached_date"), rs.getObject("reverted_to", Long.class));
    };

    private static final RowMapper<Checkpoint> CHECKPOINT = (rs, row) -> new Checkpoint(
            StoredJson.read(rs.getString("state"), LeadState.class), instant(rs, "reached_date"));
}
