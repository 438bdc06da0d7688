package com.crm.leads.app.config;

import com.crm.leads.api.query.LeadChangeStreams;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
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

    /** The change feed's streams open on this instance, for the operator's dashboards. */
    @Bean
    MeterBinder changeFeedStreams(LeadChangeStreams streams) {
        return registry -> Gauge.builder("leads.change_feed.streams", streams, LeadChangeStreams::openStreams)
                .description("Change-feed streams open on this instance").register(registry);
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
