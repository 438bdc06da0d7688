package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.query.FindLeadsQuery;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code lead_view} read model: each lead's folded state as a JSON document, beside the columns that queries
 * look leads up by.
 */
@Repository
class LeadViewRepository {

    /** The stored document is the service's own format, independent of the HTTP API's JSON conventions. */
    private static final ObjectMapper DOCUMENT = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final JdbcTemplate jdbc;

    LeadViewRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LeadState> find(LeadId leadId) {
        return jdbc.query("SELECT state FROM lead_view WHERE lead_id = ?",
                (rs, row) -> read(rs.getString(1)), leadId.value()).stream().findFirst();
    }

    Optional<LeadState> findByNumber(String number) {
        return jdbc.query("SELECT state FROM lead_view WHERE lead_number = ?",
                (rs, row) -> read(rs.getString(1)), number).stream().findFirst();
    }

    void insert(LeadState lead) {
        jdbc.update("INSERT INTO lead_view (version, life_cycle_state, updated_date, state, status_id, category_id, "
                        + "owned_by_group_id, assigned_to_user_id, importance, contact_email, lead_id, lead_number, "
                        + "number_order, contact_id, contact_name, accounts_receivable_id, type_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                concat(changing(lead), new Object[]{lead.leadId().value(), lead.number(), numberOrder(lead.number()),
                        lead.contact().id(), lead.contact().name(), id(lead.accountsReceivable()), id(lead.type())}));
    }

    void update(LeadState lead) {
        jdbc.update("UPDATE lead_view SET version = ?, life_cycle_state = ?, updated_date = ?, state = ?, "
                        + "status_id = ?, category_id = ?, owned_by_group_id = ?, assigned_to_user_id = ?, "
                        + "importance = ?, contact_email = ? WHERE lead_id = ?",
                concat(changing(lead), new Object[]{lead.leadId().value()}));
    }

    /**
     * One page of leads by number, and how many match. Each filter narrows by a column with an index that is
     * ordered by number within it, so a filtered page reads only its own rows.
     */
    LeadRows list(FindLeadsQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        equal(where, parameters, "contact_id", query.contactId());
        equal(where, parameters, "accounts_receivable_id", query.accountsReceivableId());
        equal(where, parameters, "type_id", query.typeId());
        equal(where, parameters, "category_id", query.categoryId());
        equal(where, parameters, "status_id", query.statusId());
        equal(where, parameters, "owned_by_group_id", query.ownedByGroupId());
        equal(where, parameters, "assigned_to_user_id", query.assignedToUserId());
        equal(where, parameters, "importance", query.importance() == null ? null : query.importance().name());
        equal(where, parameters, "life_cycle_state",
                query.lifeCycleState() == null ? null : query.lifeCycleState().name());
        if (query.updatedFrom() != null) {
            where.append(" AND updated_date >= :updated_from");
            parameters.addValue("updated_from", Timestamp.from(query.updatedFrom()));
        }
        if (query.updatedTo() != null) {
            where.append(" AND updated_date <= :updated_to");
            parameters.addValue("updated_to", Timestamp.from(query.updatedTo()));
        }
        if (query.searchValue() != null) {
            where.append(" AND (lead_number = :search OR LOWER(contact_name) LIKE :search_part"
                    + " OR LOWER(contact_email) LIKE :search_part)");
            parameters.addValue("search", query.searchValue());
            parameters.addValue("search_part", "%" + escapeLike(query.searchValue().toLowerCase(Locale.ROOT)) + "%");
        }
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        Long total = named.queryForObject("SELECT COUNT(*) FROM lead_view" + where, parameters, Long.class);
        parameters.addValue("limit", query.recordsPerPage());
        parameters.addValue("offset", (long) (query.page() - 1) * query.recordsPerPage());
        List<LeadState> leads = named.query("SELECT state FROM lead_view" + where
                        + " ORDER BY number_order, lead_id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                parameters, (rs, row) -> read(rs.getString(1)));
        return new LeadRows(leads, total == null ? 0 : total);
    }

    /** A page of stored leads and the count of all that matched. */
    record LeadRows(List<LeadState> leads, long total) {
    }

    /** The columns a lead's later events can change, in the order both statements take them. */
    private static Object[] changing(LeadState lead) {
        return new Object[]{lead.version(), lead.status().classification().name(),
                Timestamp.from(lead.updated().date()), write(lead), lead.status().id(),
                entityId(lead, LeadField.CATEGORY), entityId(lead, LeadField.OWNED_BY_GROUP),
                lead.field(LeadField.ASSIGNED_TO) instanceof FieldValue.Assignment assignment
                        ? id(assignment.user()) : null,
                lead.field(LeadField.IMPORTANCE) instanceof FieldValue.Code code ? code.code() : null,
                lead.field(LeadField.CONTACT_EMAIL) instanceof FieldValue.Text text ? text.text() : null};
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

    private static void equal(StringBuilder where, MapSqlParameterSource parameters, String column, String value) {
        if (value != null) {
            where.append(" AND ").append(column).append(" = :").append(column);
            parameters.addValue(column, value);
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String write(LeadState lead) {
        try {
            return DOCUMENT.writeValueAsString(lead);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lead " + lead.leadId() + " could not be written to the read model", e);
        }
    }

    private static LeadState read(String document) {
        try {
            return DOCUMENT.readValue(document, LeadState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored lead could not be read from the read model", e);
        }
    }
}
