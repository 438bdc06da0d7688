package com.crm.leads.app.catalogue;

import com.crm.leads.api.CrmIds;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rows of a catalogue change, all written in the change's transaction: the entry itself, one history row per
 * field it changed ({@code catalogue_change}), and its kind's raised revision, which other instances read to know
 * that what they keep of the kind is out of date.
 */
final class CatalogueRows {

    /** What happened to an entry, as its history names it. */
    enum Event {
        ENTRY_CREATED, FIELD_CHANGED, ENTRY_DEACTIVATED, ENTRY_ACTIVATED
    }

    /**
     * Who made a change, in which unit, when, and in which call: one request id for all the rows of a call. The
     * first start's import of the catalogue file has no user, unit or request.
     */
    record Author(String userId, String unitId, Instant when, String requestId) {

        static Author of(String userId, String unitId, Instant when) {
            return new Author(userId, unitId, when, CrmIds.random());
        }
    }

    /** The write-only field a user's history names, without its value, when their password is set. */
    static final String PASSWORD = "password";

    private final JdbcTemplate jdbc;

    CatalogueRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Raises the revision of {@code kind}; the row it raises stays locked until the transaction ends, so changes of
     * one kind are made one at a time (what makes "unique among the active entries" hold). The new revision.
     */
    long lock(String kind) {
        jdbc.update("UPDATE catalogue_revision SET revision = revision + 1 WHERE kind = ?", kind);
        return jdbc.queryForObject("SELECT revision FROM catalogue_revision WHERE kind = ?", Long.class, kind);
    }

    /**
     * Writes {@code after} (the entry in its stored form) over {@code before} (null for a new entry) and records
     * each difference, with {@code passwordSet} when a user's password was set with it.
     */
    void write(StoredKind<?, ?> kind, ObjectNode before, boolean activeBefore, ObjectNode after, boolean active,
               boolean passwordSet, Author author) {
        String id = after.path("id").asText();
        List<Object> columns = new ArrayList<>(List.of(active, after.toString()));
        for (String column : List.of("name", "code", "alternative_code", "number", "username", "type")) {
            columns.add(kind.identifyingFields().contains(column) ? text(after.get(column)) : null);
        }
        if (before == null) {
            columns.add(0, id);
            columns.add(0, kind.name());
            jdbc.update("INSERT INTO catalogue_entry (kind, id, active, entry, name, code, alternative_code, number, "
                    + "username, address_type) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", columns.toArray());
        } else {
            columns.add(kind.name());
            columns.add(id);
            jdbc.update("UPDATE catalogue_entry SET active = ?, entry = ?, name = ?, code = ?, alternative_code = ?, "
                    + "number = ?, username = ?, address_type = ? WHERE kind = ? AND id = ?", columns.toArray());
        }
        record(kind.name(), id, before, activeBefore, after, active, passwordSet, author);
    }

    private void record(String kind, String id, ObjectNode before, boolean activeBefore, ObjectNode after,
                        boolean active, boolean passwordSet, Author author) {
        List<Object[]> rows = new ArrayList<>();
        Event changed = before == null ? Event.ENTRY_CREATED : Event.FIELD_CHANGED;
        Set<String> fields = new LinkedHashSet<>();
        after.fieldNames().forEachRemaining(fields::add);
        if (before != null) {
            before.fieldNames().forEachRemaining(fields::add);
        }
        for (String field : fields) {
            JsonNode old = before == null ? null : before.get(field);
            JsonNode now = after.get(field);
            if (!Objects.equals(nullIfNull(old), nullIfNull(now))) {
                rows.add(new Object[]{changed, field, json(old), json(now)});
            }
        }
        if (passwordSet) {
            rows.add(new Object[]{changed, PASSWORD, null, null});
        }
        if (before != null && active != activeBefore) {
            rows.add(new Object[]{active ? Event.ENTRY_ACTIVATED : Event.ENTRY_DEACTIVATED, "active",
                    String.valueOf(activeBefore), String.valueOf(active)});
        }
        long[] last = jdbc.queryForObject("SELECT COALESCE(MAX(sequence_number), 0), COALESCE(MAX(ordinal), 0) "
                + "FROM catalogue_change WHERE kind = ? AND entry_id = ?",
                (rs, row) -> new long[]{rs.getLong(1), rs.getLong(2)}, kind, id);
        long sequence = last[0] + 1;
        long ordinal = last[1];
        for (Object[] row : rows) {
            jdbc.update("INSERT INTO catalogue_change (kind, entry_id, ordinal, sequence_number, event, field, "
                            + "old_value, new_value, user_id, unit_id, performed_date, request_id) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    kind, id, ++ordinal, sequence, row[0].toString(), row[1], row[2], row[3],
                    author.userId(), author.unitId(), Timestamp.from(author.when()), author.requestId());
        }
    }

    /** One row of an entry's history, its values as stored (JSON text, null where there was none). */
    record Change(long sequenceNumber, String event, String field, String oldValue, String newValue, String userId,
                  String unitId, Instant performedDate, String requestId) {
    }

    /** A page of an entry's history, oldest first, and how many rows it has in all. */
    record Changes(List<Change> rows, long total) {
    }

    Changes history(String kind, String id, int page, int size) {
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM catalogue_change WHERE kind = ? AND entry_id = ?",
                Long.class, kind, id);
        List<Change> rows = jdbc.query("SELECT sequence_number, event, field, old_value, new_value, user_id, unit_id, "
                        + "performed_date, request_id FROM catalogue_change WHERE kind = ? AND entry_id = ? "
                        + "ORDER BY ordinal OFFSET " + (long) (page - 1) * size + " ROWS FETCH NEXT " + size
                        + " ROWS ONLY",
                (rs, row) -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        rs.getString(9)), kind, id);
        return new Changes(rows, total);
    }

    private static JsonNode nullIfNull(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    private static String json(JsonNode value) {
        return nullIfNull(value) == null ? null : value.toString();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }
}
