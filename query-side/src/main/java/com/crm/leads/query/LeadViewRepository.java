package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
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
        jdbc.update("INSERT INTO lead_view (lead_id, lead_number, version, life_cycle_state, updated_date, state) "
                        + "VALUES (?, ?, ?, ?, ?, ?)",
                lead.leadId().value(), lead.number(), lead.version(), lead.status().classification().name(),
                Timestamp.from(lead.updated().date()), write(lead));
    }

    void update(LeadState lead) {
        jdbc.update("UPDATE lead_view SET version = ?, life_cycle_state = ?, updated_date = ?, state = ? "
                        + "WHERE lead_id = ?",
                lead.version(), lead.status().classification().name(), Timestamp.from(lead.updated().date()),
                write(lead), lead.leadId().value());
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
