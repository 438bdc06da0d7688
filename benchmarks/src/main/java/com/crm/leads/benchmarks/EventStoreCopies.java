package com.crm.leads.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Fills a stopped service's event store up to a size no HTTP load could reach in minutes: the events of a few leads
 * made through the API are copied, as they were stored, under new lead identities and numbers. The copies are
 * real events of real leads, so a rebuild folds them as it folds any other.
 */
final class EventStoreCopies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BATCH = 1_000;
    private static final long FIRST_COPY_NUMBER = 10_000_000L;

    /** A stored event; {@code number} is the lead number its payload names, if it names one. */
    private record StoredEvent(String payloadType, String payloadRevision, String timeStamp, String type,
                               long sequenceNumber, byte[] metaData, String payload, String number) {
    }

    private EventStoreCopies() {
    }

    /** What the store holds after the copies: all its events, how many are copies, and the last copy's number. */
    record Filled(long events, long copies, String lastNumber) {
    }

    /** Copies the stored leads' events until the store holds at least {@code events} events. */
    static Filled fillUp(Store store, long events) throws SQLException {
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            Map<String, List<StoredEvent>> templates = templates(connection);
            long stored = count(connection);
            long originals = stored;
            long nextIndex = maxIndex(connection) + 1;
            long copy = 0;
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO domain_event_entry (global_index,"
                    + " sequence_number, aggregate_identifier, event_identifier, payload_revision, payload_type,"
                    + " time_stamp, type, meta_data, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int batched = 0;
                while (stored < events) {
                    for (Map.Entry<String, List<StoredEvent>> lead : templates.entrySet()) {
                        String leadId = UUID.randomUUID().toString().replace("-", "").toUpperCase(Locale.ROOT);
                        String number = String.valueOf(FIRST_COPY_NUMBER + copy++);
                        for (StoredEvent event : lead.getValue()) {
                            insert.setLong(1, nextIndex++);
                            insert.setLong(2, event.sequenceNumber());
                            insert.setString(3, leadId);
                            insert.setString(4, UUID.randomUUID().toString());
                            insert.setString(5, event.payloadRevision());
                            insert.setString(6, event.payloadType());
                            insert.setString(7, event.timeStamp());
                            insert.setString(8, event.type());
                            insert.setBytes(9, event.metaData());
                            insert.setBytes(10, renamed(event, lead.getKey(), leadId, number));
                            insert.addBatch();
                            stored++;
                            if (++batched % BATCH == 0) {
                                insert.executeBatch();
                                connection.commit();
                            }
                        }
                    }
                }
                insert.executeBatch();
            }
            restartSequence(connection, nextIndex);
            connection.commit();
            return new Filled(stored, stored - originals, String.valueOf(FIRST_COPY_NUMBER + copy - 1));
        }
    }

    /** Each stored lead's events in order, keyed by the lead's identifier. */
    private static Map<String, List<StoredEvent>> templates(Connection connection) throws SQLException {
        Map<String, List<StoredEvent>> leads = new LinkedHashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT aggregate_identifier, sequence_number, payload_type,"
                     + " payload_revision, time_stamp, type, meta_data, payload FROM domain_event_entry"
                     + " ORDER BY global_index")) {
            while (rows.next()) {
                String payload = new String(rows.getBytes(8), StandardCharsets.UTF_8);
                leads.computeIfAbsent(rows.getString(1), lead -> new ArrayList<>()).add(new StoredEvent(
                        rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6), rows.getLong(2),
                        rows.getBytes(7), payload, numberIn(payload)));
            }
        }
        if (leads.isEmpty()) {
            throw new IllegalStateException("no events to copy: make some leads through the API first");
        }
        return leads;
    }

    /** The payload with the copy's lead identifier and, where the event names it, the copy's lead number. */
    private static byte[] renamed(StoredEvent event, String leadId, String copyId, String copyNumber) {
        String renamed = event.payload().replace(leadId, copyId);
        if (event.number() != null) {
            renamed = renamed.replace("\"number\":\"" + event.number() + "\"", "\"number\":\"" + copyNumber + "\"");
        }
        return renamed.getBytes(StandardCharsets.UTF_8);
    }

    private static String numberIn(String payload) {
        try {
            return JSON.readTree(payload).path("number").textValue();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored payload is not JSON: " + payload, e);
        }
    }

    private static long count(Connection connection) throws SQLException {
        return single(connection, "SELECT COUNT(*) FROM domain_event_entry");
    }

    private static long maxIndex(Connection connection) throws SQLException {
        return single(connection, "SELECT COALESCE(MAX(global_index), 0) FROM domain_event_entry");
    }

    private static long single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The global index goes on after the copies, so the service's next event follows them. */
    private static void restartSequence(Connection connection, long next) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
                sql.execute("SELECT setval('domain_event_entry_seq', " + next + ", false)");
            } else {
                sql.execute("ALTER SEQUENCE domain_event_entry_seq RESTART WITH " + next);
            }
        }
    }
}
