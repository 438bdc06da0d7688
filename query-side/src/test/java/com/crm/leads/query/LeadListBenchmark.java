package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.Importance;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.query.FindLeadsQuery;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Supplier;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How long a filtered page of leads/list takes from a read model of 100,000 leads in an H2 file, as the service
 * keeps it. Prints figures; asserts only that the pages are right. Run with
 * {@code mvn -pl query-side -am test -Dgroups=benchmark -Dexcluded.groups=none -Dtest=LeadListBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("benchmark")
class LeadListBenchmark {

    private static final int LEADS = 100_000;
    private static final int RUNS = 50;
    private static final StatusReference[] STATUSES = {
            new StatusReference("S1", "New", LifeCycleState.PENDING),
            new StatusReference("S2", "Reach", LifeCycleState.PENDING),
            new StatusReference("S3", "Won", LifeCycleState.WON),
            new StatusReference("S4", "Lost", LifeCycleState.LOST)};

    private LeadList list;

    @Test
    void aFilteredPageOfOneHundredThousandLeads() throws Exception {
        Path dir = Files.createTempDirectory("lead-list-benchmark");
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(
                "jdbc:h2:file:" + dir + "/leads", "sa", "", true);
        ReadModelDatabase.migrate(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        LeadViewRepository leads = new LeadViewRepository(jdbc, new FoldedLeads(100));
        list = new LeadList(jdbc);

        long started = System.nanoTime();
        for (int number = 1; number <= LEADS; number++) {
            leads.insert(lead(number));
        }
        System.out.printf("inserted %,d leads in %.1f s%n", LEADS, (System.nanoTime() - started) / 1e9);

        measure("status = Reach, page 1 of 50", () -> query("S2", null, null, 1));
        measure("status = Reach, page 100 of 50", () -> query("S2", null, null, 100));
        measure("importance = IMPORTANCE3 and PENDING, page 1", () -> query(null, Importance.IMPORTANCE3,
                LifeCycleState.PENDING, 1));
        measure("no filter, page 1", () -> query(null, null, null, 1));
        measure("search by number", () -> new FindLeadsQuery(null, null, null, null, null, null, null, null, null,
                null, null, "77777", 1, 50, EVERY_LEAD));
        measure("search by contact e-mail", () -> new FindLeadsQuery(null, null, null, null, null, null, null, null,
                null, null, null, "lead77777@", 1, 50, EVERY_LEAD));

        assertThat(list.page(query("S2", null, null, 1)).total()).isEqualTo(LEADS / 4);
        assertThat(list.page(query("S2", null, null, 1)).leads()).hasSize(50);
    }

    private static FindLeadsQuery query(String status, Importance importance, LifeCycleState state, int page) {
        return new FindLeadsQuery(null, null, null, null, status, null, null, importance, state, null, null, null,
                page, 50, EVERY_LEAD);
    }

    /** Runs the query a few times to warm up, then {@value #RUNS} times, and prints the median and the slowest. */
    private void measure(String what, Supplier<FindLeadsQuery> query) {
        for (int warmUp = 0; warmUp < 5; warmUp++) {
            list.page(query.get());
        }
        long[] micros = new long[RUNS];
        for (int run = 0; run < RUNS; run++) {
            long started = System.nanoTime();
            list.page(query.get());
            micros[run] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("%-45s median %6.2f ms, slowest %6.2f ms (page and total count)%n", what,
                micros[RUNS / 2] / 1e3, micros[RUNS - 1] / 1e3);
    }

    private static LeadState lead(int number) {
        LeadId id = LeadId.random();
        Instant at = Instant.parse("2024-01-01T00:00:00Z").plusSeconds(number);
        LeadState.Stamp stamp = new LeadState.Stamp(at, "1", "U1");
        return new LeadState(id, String.valueOf(number), new Reference("T1", "New Customer"),
                new Reference("C" + (number % 1000), "Contact " + (number % 1000)), null, STATUSES[number % 4], null,
                null, Map.of(LeadField.IMPORTANCE, new FieldValue.Code(Importance.values()[number % 5].name()),
                LeadField.PRIORITY, new FieldValue.Whole(1 + number % 6),
                LeadField.CONTACT_EMAIL, new FieldValue.Text("lead" + number + "@example.com")),
                Map.of(), stamp, stamp, 2);
    }
}
