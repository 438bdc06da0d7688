package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.query.FindLeadsQuery;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The {@code lead_view} read model: each lead's folded state as a JSON document, beside the columns that queries
 * look leads up by.
 */
@Repository
class LeadViewRepository {

    /** The columns a lead's later events can change, in the order {@link #changing} gives their values. */
    private static final List<String> CHANGING_COLUMNS = List.of("version", "life_cycle_state", "updated_date",
            "state", "status_id", "category_id", "owned_by_group_id", "assigned_to_user_id", "importance",
            "contact_email");
    /** The columns its creation sets for good, the lead's id first, in the order {@link #fixed} gives them. */
    private static final List<String> FIXED_COLUMNS = List.of("lead_id", "lead_number", "number_order",
            "contact_id", "contact_name", "accounts_receivable_id", "type_id");
    private static final List<String> ALL_COLUMNS = concat(CHANGING_COLUMNS, FIXED_COLUMNS);
    private static final String SET_CHANGING = String.join(", ", CHANGING_COLUMNS.stream()
            .map(column -> column + " = ?").toList());

    private final JdbcTemplate jdbc;
    private final String table;

    @Autowired
    LeadViewRepository(JdbcTemplate jdbc) {
        this(jdbc, "lead_view");
    }

    /** The read model in {@code table}: the live one, or the one a rebuild makes beside it. */
    LeadViewRepository(JdbcTemplate jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    /** The table this read model is kept in. */
    String table() {
        return table;
    }

    Optional<LeadState> find(LeadId leadId) {
        return jdbc.query("SELECT state FROM " + table + " WHERE lead_id = ?",
                (rs, row) -> read(rs.getString(1)), leadId.value()).stream().findFirst();
    }

    Optional<LeadState> findByNumber(String number) {
        return jdbc.query("SELECT state FROM " + table + " WHERE lead_number = ?",
                (rs, row) -> read(rs.getString(1)), number).stream().findFirst();
    }

    void insert(LeadState lead) {
        insert(List.of(lead));
    }

    void insert(List<LeadState> leads) {
        if (leads.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO " + table + " (" + String.join(", ", ALL_COLUMNS) + ") VALUES ("
                        + String.join(", ", ALL_COLUMNS.stream().map(column -> "?").toList()) + ")",
                leads.stream().map(lead -> concat(changing(lead), fixed(lead))).toList());
    }

    void update(List<LeadState> leads) {
        if (leads.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("UPDATE " + table + " SET " + SET_CHANGING + " WHERE lead_id = ?",
                leads.stream().map(lead -> concat(changing(lead), new Object[]{lead.leadId().value()})).toList());
    }

    /**
     * Replaces the stored lead with {@code lead} if it is still at {@code expectedVersion}; false when a newer
     * event got there first (or there is no such lead).
     */
    boolean replace(LeadState lead, long expectedVersion) {
        return jdbc.update("UPDATE " + table + " SET " + SET_CHANGING + " WHERE lead_id = ? AND version = ?",
                concat(changing(lead), new Object[]{lead.leadId().value(), expectedVersion})) == 1;
    }

    /**
     * Replaces, in one statement, each lead that {@code rebuilt} holds at the version this read model holds it at. A
     * lead at another version here (or moved on while the statement runs) is left as it is.
     *
     * @return how many leads were replaced
     */
    int replaceAtSameVersion(LeadViewRepository rebuilt) {
        return jdbc.update("MERGE INTO " + table + " l USING " + rebuilt.table + " r ON l.lead_id = r.lead_id"
                + " WHEN MATCHED AND l.version = r.version THEN UPDATE SET "
                + String.join(", ", ALL_COLUMNS.stream().filter(column -> !column.equals("lead_id"))
                .map(column -> column + " = r." + column).toList()));
    }

    /**
     * Copies in, in one statement, the leads {@code rebuilt} holds and this read model lacks; fails as a whole if
     * one of them arrives here meanwhile.
     *
     * @return how many leads were copied
     */
    int insertMissing(LeadViewRepository rebuilt) {
        String columns = String.join(", ", ALL_COLUMNS);
        return jdbc.update("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + rebuilt.table
                + " r WHERE NOT EXISTS (SELECT 1 FROM " + table + " l WHERE l.lead_id = r.lead_id)");
    }

    /** The leads {@code rebuilt} holds that this read model lacks or holds at another version. */
    List<LeadId> differingFrom(LeadViewRepository rebuilt) {
        return jdbc.query("SELECT r.lead_id FROM " + rebuilt.table + " r LEFT JOIN " + table
                + " l ON l.lead_id = r.lead_id WHERE l.lead_id IS NULL OR l.version <> r.version",
                (rs, row) -> new LeadId(rs.getString(1)));
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

    /** How many leads this read model holds. */
    int count() {
        Integer leads = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
        return leads == null ? 0 : leads;
    }

    void clear() {
        jdbc.execute("TRUNCATE TABLE " + table);
    }

    /**
     * One page of leads by number, and how many match. Each filter narrows by a column with an index that is
     * ordered by number within it, so a filtered page reads only its own rows.
     */
    LeadRows list(FindLeadsQuery query) {
        Filter filter = new Filter();
        filter.equal("contact_id", query.contactId());
        filter.equal("accounts_receivable_id", query.accountsReceivableId());
        filter.equal("type_id", query.typeId());
        filter.equal("category_id", query.categoryId());
        filter.equal("status_id", query.statusId());
        filter.equal("owned_by_group_id", query.ownedByGroupId());
        filter.equal("assigned_to_user_id", query.assignedToUserId());
        filter.equal("importance", query.importance() == null ? null : query.importance().name());
        filter.equal("life_cycle_state", query.lifeCycleState() == null ? null : query.lifeCycleState().name());
        filter.compare("updated_date", ">=", "updated_from", query.updatedFrom());
        filter.compare("updated_date", "<", "updated_before", query.updatedBefore());
        if (query.searchValue() != null) {
            filter.where.append(" AND (lead_number = :search OR LOWER(contact_name) LIKE :search_part"
                    + " OR LOWER(contact_email) LIKE :search_part)");
            filter.parameters.addValue("search", query.searchValue());
            filter.parameters.addValue("search_part",
                    "%" + escapeLike(query.searchValue().toLowerCase(Locale.ROOT)) + "%");
        }
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        Long total = named.queryForObject("SELECT COUNT(*) FROM " + table + filter.where, filter.parameters,
                Long.class);
        filter.parameters.addValue("limit", query.recordsPerPage());
        filter.parameters.addValue("offset", (long) (query.page() - 1) * query.recordsPerPage());
        List<LeadState> leads = named.query("SELECT state FROM " + table + filter.where + " ORDER BY "
                        + filter.sortedBy + "number_order OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                filter.parameters, (rs, row) -> read(rs.getString(1)));
        return new LeadRows(leads, total == null ? 0 : total);
    }

    /**
     * The conditions of a list query. The first column filtered on by equality also leads the sort order: it
     * changes nothing in the order, but lets the database read the page straight off that column's index (which
     * is ordered by number within each value) instead of sorting every matching lead.
     */
    private static final class Filter {

        private final StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        private final MapSqlParameterSource parameters = new MapSqlParameterSource();
        private String sortedBy = "";

        void equal(String column, String value) {
            if (value != null) {
                where.append(" AND ").append(column).append(" = :").append(column);
                parameters.addValue(column, value);
                if (sortedBy.isEmpty()) {
                    sortedBy = column + ", ";
                }
            }
        }

        void compare(String column, String operator, String parameter, Instant value) {
            if (value != null) {
                where.append(" AND ").append(column).append(' ').append(operator).append(" :").append(parameter);
                parameters.addValue(parameter, Timestamp.from(value));
            }
        }
    }

    /** A page of stored leads and the count of all that matched. */
    record LeadRows(List<LeadState> leads, long total) {
    }

    /** The values of {@link #CHANGING_COLUMNS}. */
    private static Object[] changing(LeadState lead) {
        return new Object[]{lead.version(), lead.status().classification().name(),
                Timestamp.from(lead.updated().date()), StoredJson.write(lead), lead.status().id(),
                entityId(lead, LeadField.CATEGORY), entityId(lead, LeadField.OWNED_BY_GROUP),
                lead.field(LeadField.ASSIGNED_TO) instanceof FieldValue.Assignment assignment
                        ? id(assignment.user()) : null,
                lead.field(LeadField.IMPORTANCE) instanceof FieldValue.Code code ? code.code() : null,
                lead.field(LeadField.CONTACT_EMAIL) instanceof FieldValue.Text text ? text.text() : null};
    }

    /** The values of {@link #FIXED_COLUMNS}. */
    private static Object[] fixed(LeadState lead) {
        return new Object[]{lead.leadId().value(), lead.number(), numberOrder(lead.number()), lead.contact().id(),
                lead.contact().name(), id(lead.accountsReceivable()), id(lead.type())};
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static Object[] concat(Object[] first, Object[] second) {
        Object[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static String entityId(LeadState lead, LeadField field) {
        return lead.field(field) instanceof FieldValue.Entity entity ? entity.reference().id() : null;
    }

    private static String id(Reference reference) {
        return reference == null ? null : reference.id();
    }

    /** Lead numbers are digits as CRM.COM gives them; one that is not sorts after them all. */
    private static Long numberOrder(String number) {
        return number.matches("\\d{1,18}") ? Long.parseLong(number) : Long.MAX_VALUE;
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static LeadState read(String document) {
        return StoredJson.read(document, LeadState.class);
    }
}
