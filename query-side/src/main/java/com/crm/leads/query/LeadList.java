package com.crm.leads.query;

import com.crm.leads.api.query.FindLeadsQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The list of leads: a page of {@code lead_view} by number, narrowed by the filters a {@link FindLeadsQuery}
 * carries. Each filter narrows by a column with an index that is ordered by number within it, so a filtered page
 * reads only its own rows.
 */
@Repository
class LeadList {

    private final NamedParameterJdbcTemplate jdbc;

    LeadList(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    /** One page of leads by number, and how many match. */
    Page page(FindLeadsQuery query) {
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
        filter.where.append(" AND ").append(LeadViewRepository.openTo(query.access(), filter.parameters));
        if (query.searchValue() != null) {
            filter.where.append(" AND (lead_number = :search OR LOWER(contact_name) LIKE :search_part"
                    + " OR LOWER(contact_email) LIKE :search_part)");
            filter.parameters.addValue("search", query.searchValue());
            filter.parameters.addValue("search_part",
                    "%" + escapeLike(query.searchValue().toLowerCase(Locale.ROOT)) + "%");
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM " + LeadViewRepository.LIVE_TABLE + filter.where,
                filter.parameters, Long.class);
        filter.parameters.addValue("limit", query.recordsPerPage());
        filter.parameters.addValue("offset", (long) (query.page() - 1) * query.recordsPerPage());
        List<LeadState> leads = jdbc.query("SELECT state FROM " + LeadViewRepository.LIVE_TABLE + filter.where
                        + " ORDER BY " + filter.sortedBy + "number_order"
                        + " OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                filter.parameters, (rs, row) -> StoredLead.read(rs.getString(1)));
        return new Page(leads, total == null ? 0 : total);
    }

    /** A page of stored leads and the count of all that matched. */
    record Page(List<LeadState> leads, long total) {
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

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
