package com.crm.leads.query;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

/** A fresh in-memory H2 database with the service's own migrations, as the projections find theirs in production. */
final class ReadModelDatabase {

    private ReadModelDatabase() {
    }

    static JdbcTemplate fresh() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        migrate(dataSource);
        return new JdbcTemplate(dataSource);
    }

    /** Builds the read tables of an H2 database with the app's migrations, which the build puts on the classpath. */
    static void migrate(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
    }
}
