package com.crm.leads.app.config;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.incrementer.DataFieldMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.H2SequenceMaxValueIncrementer;
import org.springframework.jdbc.support.incrementer.PostgresSequenceMaxValueIncrementer;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class ServiceConfiguration {

    /** The time in the service's zone, the zone lead dates are written in. */
    @Bean
    Clock clock(LeadsProperties properties) {
        return Clock.system(properties.zone());
    }

    /** The sequence {@code lead_number_seq}, read in the dialect of the database the service runs on. */
    @Bean
    DataFieldMaxValueIncrementer leadNumberSequence(DataSource dataSource) throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, "getDatabaseProductName");
        return product.contains("PostgreSQL")
                ? new PostgresSequenceMaxValueIncrementer(dataSource, "lead_number_seq")
                : new H2SequenceMaxValueIncrementer(dataSource, "lead_number_seq");
    }
}
