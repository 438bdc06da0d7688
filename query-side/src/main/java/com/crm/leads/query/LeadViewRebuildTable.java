package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The table a rebuild folds the leads into, beside {@code lead_view}, and the copy of them onto the live leads:
 * set-wise statements that switch over, at once, every lead that nothing changed while the rebuild ran.
 */
final class LeadViewRebuildTable {

    private final JdbcTemplate jdbc;
    private final LeadViewRepository live;
    private final LeadViewRepository rebuilt;

    LeadViewRebuildTable(JdbcTemplate jdbc, LeadViewRepository live) {
        this.jdbc = jdbc;
        this.live = live;
        this.rebuilt = new LeadViewRepository(jdbc, live.table() + "_rebuild");
    }

    /** The rebuilt leads, kept as the live ones are. */
    LeadViewRepository leads() {
        return rebuilt;
    }

    /** How many leads are rebuilt so far. */
    int count() {
        Integer leads = jdbc.queryForObject("SELECT COUNT(*) FROM " + rebuilt.table(), Integer.class);
        return leads == null ? 0 : leads;
    }

    void clear() {
        jdbc.execute("TRUNCATE TABLE " + rebuilt.table());
    }

    /**
     * Replaces, in one statement, each live lead that is at the version its rebuilt self is at. A live lead at
     * another version (or moved on while the statement runs) is left as it is.
     *
     * @return how many leads were replaced
     */
    int replaceLiveAtSameVersion() {
        return jdbc.update("MERGE INTO " + live.table() + " l USING " + rebuilt.table() + " r ON l.lead_id = r.lead_id"
                + " WHEN MATCHED AND l.version = r.version THEN UPDATE SET "
                + String.join(", ", StoredLead.ALL_COLUMNS.stream().filter(column -> !column.equals("lead_id"))
                .map(column -> column + " = r." + column).toList()));
    }

    /**
     * Copies into the live table, in one statement, the rebuilt leads it lacks; fails as a whole if one of them
     * arrives there meanwhile.
     *
     * @return how many leads were copied
     */
    int insertMissingIntoLive() {
        String columns = String.join(", ", StoredLead.ALL_COLUMNS);
        return jdbc.update("INSERT INTO " + live.table() + " (" + columns + ") SELECT " + columns + " FROM "
                + rebuilt.table() + " r WHERE NOT EXISTS (SELECT 1 FROM " + live.table()
                + " l WHERE l.lead_id = r.lead_id)");
    }

    /** The rebuilt leads that the live table lacks or holds at another version. */
    List<LeadId> differingFromLive() {
        return jdbc.query("SELECT r.lead_id FROM " + rebuilt.table() + " r LEFT JOIN " + live.table()
                + " l ON l.lead_id = r.lead_id WHERE l.lead_id IS NULL OR l.version <> r.version",
                (rs, row) -> new LeadId(rs.getString(1)));
    }
}
