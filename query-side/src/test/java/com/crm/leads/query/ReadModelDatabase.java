package com.crm.leads.query;

import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

/** A fresh in-memory H2 database with the service's own migrations, as the projections find theirs in production. */
final class ReadModelDatabase {

    private ReadModelDatabase() {
    }

    static JdbcTemplate fresh() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource)
                .locations("filesystem:../app/src/main/resources/db/migration/common",
                        "filesystem:../app/src/main/resources/db/migration/h2").load().migrate();
        return new JdbcTemplate(dataSource);
    }
}
