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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
public class ServiceConfiguration {

    /** The time in the service's zone, the zone lead dates are written in. */
    /**
     * The threads that write the change feed's streams to their clients: one at work for each stream that has
     * something to send, so a client that reads slowly holds up its own stream only.
     */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService changeFeedSending() {
        return Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "change-feed-sender");
            thread.setDaemon(true);
            return thread;
        });
    }

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
