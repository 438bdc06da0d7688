package com.crm.leads.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * A contact base of a real size, written into a stopped service's catalogue table as an import would leave it: each
 * contact an entry of its own, with its name in the indexed column the service looks names up in.
 */
final class ContactBase {

    private static final int BATCH = 5_000;

    private ContactBase() {
    }

    /** The name of the {@code n}th contact written (from 1): unique, so a lookup by it finds one. */
    static String name(long n) {
        return "Benchmark Contact " + n;
    }

    /** Its id: 32 hexadecimal characters, as the service writes ids. */
    static String id(long n) {
        return String.format(Locale.ROOT, "%032X", n);
    }

    /** Writes contacts 1 to {@code count}; answers how long it took, in seconds. */
    static double fill(Store store, long count) throws SQLException {
        long started = System.nanoTime();
        try (Connection connection = store.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO catalogue_entry (kind, id, active, "
                     + "entry, name) VALUES ('contacts', ?, TRUE, ?, ?)")) {
            connection.setAutoCommit(false);
            for (long n = 1; n <= count; n++) {
                insert.setString(1, id(n));
                insert.setString(2, "{\"id\":\"" + id(n) + "\",\"type\":\"PERSON\",\"name\":\"" + name(n)
                        + "\",\"first_name\":\"Benchmark\",\"last_name\":\"Contact " + n
                        + "\",\"life_cycle_state\":\"FINANCIAL\",\"demographics\":null}");
                insert.setString(3, name(n));
                insert.addBatch();
                if (n % BATCH == 0 || n == count) {
                    insert.executeBatch();
                    connection.commit();
                }
            }
        }
        return (System.nanoTime() - started) / 1e9;
    }
}
