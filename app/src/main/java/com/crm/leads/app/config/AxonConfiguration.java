package com.crm.leads.app.config;

import com.crm.leads.api.LeadMetadata;
import com.crm.leads.app.announcements.StatusAnnouncements;
import com.crm.leads.query.ProcessingGroups;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.github.benmanes.caffeine.jcache.configuration.CaffeineConfiguration;
import com.github.benmanes.caffeine.jcache.spi.CaffeineCachingProvider;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.JCacheAdapter;
import org.axonframework.common.caching.NoCache;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jpa.JpaTokenStore;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.serialization.Serializer;
import org.axonframework.spring.eventsourcing.SpringAggregateSnapshotterFactoryBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.support.RetryTemplate;

import javax.cache.CacheManager;
import javax.cache.Caching;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Axon without Axon Server: events in the service's database, serialized as JSON that does not change when the
 * HTTP format does.
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Axon picks up a mapper by this bean name for its serializers. */
    @Bean
    ObjectMapper defaultAxonObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /**
     * A command that lost a race for a lead (another instance appended the same sequence number first) is sent
     * again, a few times with a growing, jittered pause: it is checked anew against the lead as it now stands.
     * Nothing else is retried: a broken rule or a version conflict is the caller's to see. Axon's own retry
     * scheduler cannot do this: the race is lost when the unit of work commits, and that failure reaches the
     * sender directly rather than through the command callback the scheduler watches.
     */
    @Bean
    RetryTemplate raceRetries(LeadsProperties properties) {
        return RetryTemplate.builder()
                .maxAttempts(1 + properties.concurrencyRetries())
                .exponentialBackoff(Duration.ofMillis(10), 2, Duration.ofSeconds(2), true)
                .retryOn(ConcurrencyException.class)
                .traversingCauses()
                .build();
    }

    /**
     * A lead is snapshotted every {@code leads.snapshot-threshold} events (0: never), so loading it reads its
     * latest snapshot and the events after it instead of its whole history. The aggregate names this bean.
     */
    @Bean
    SnapshotTriggerDefinition leadSnapshotTrigger(Snapshotter snapshotter, LeadsProperties properties) {
        return properties.snapshotThreshold() > 0
                ? new EventCountSnapshotTriggerDefinition(snapshotter, properties.snapshotThreshold())
                : NoSnapshotTriggerDefinition.INSTANCE;
    }

    /**
     * The leads last used, kept in memory between calls, so a call on one of them reads none of its events. A lead
     * kept by one instance misses what another instance changed since: a command it accepts on that lead loses the
     * race for the lead's next event and is retried on the lead as stored (Axon drops a lead from here when its
     * command fails), and a command it refuses is sent once more to be judged the same way (the lead service).
     * The cache is this instance's own, closed with it. Entries are kept by reference: JCache would otherwise copy
     * each one.
     */
    @Bean(destroyMethod = "close")
    CacheManager leadCacheManager(LeadsProperties properties) {
        return Caching.getCachingProvider(CaffeineCachingProvider.class.getName()).getCacheManager(
                URI.create("leads:" + properties.instanceName()), AxonConfiguration.class.getClassLoader());
    }

    /** The aggregate names this bean. */
    @Bean
    Cache leadCache(CacheManager leadCacheManager, LeadsProperties properties) {
        if (properties.cachedLeads() == 0) {
            return NoCache.INSTANCE;
        }
        CaffeineConfiguration<Object, Object> configuration = new CaffeineConfiguration<>();
        configuration.setMaximumSize(OptionalLong.of(properties.cachedLeads()));
        configuration.setStoreByValue(false);
        return new JCacheAdapter(leadCacheManager.createCache("leads", configuration));
    }

    /** Snapshots are taken after the command's transaction, on a thread of their own, not the request's. */
    @Bean
    SpringAggregateSnapshotterFactoryBean snapshotter(ExecutorService snapshotting) {
        SpringAggregateSnapshotterFactoryBean snapshotter = new SpringAggregateSnapshotterFactoryBean();
        snapshotter.setExecutor(snapshotting);
        return snapshotter;
    }

    @Bean(destroyMethod = "shutdown")
    ExecutorService snapshotting() {
        return Executors.newSingleThreadExecutor(task -> new Thread(task, "lead-snapshots"));
    }

    /** Every event of a call carries who made it, where, and the call's request id. */
    @Bean
    CorrelationDataProvider actorAndRequest() {
        return new SimpleCorrelationDataProvider(LeadMetadata.USER_ID, LeadMetadata.UNIT_ID, LeadMetadata.REQUEST_ID);
    }

    /**
     * A read model that fails to take an event must fail the command too, so no acknowledged change is missing
     * from what clients read; the default handler would only log it.
     */
    @Bean
    ConfigurerModule readModelFailuresFailTheCommand() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(ProcessingGroups.LEAD_VIEW, conf -> PropagatingErrorHandler.instance());
    }

    /**
     * The token store, owned by this instance under a name of its own: Axon's default owner name (process id and
     * host) is not unique when two instances share a host name, as containers and tests can.
     */
    @Bean
    TokenStore tokenStore(EntityManagerProvider entityManagerProvider, Serializer serializer,
                          LeadsProperties properties) {
        return JpaTokenStore.builder()
                .entityManagerProvider(entityManagerProvider)
                .serializer(serializer)
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + properties.instanceName())
                .build();
    }

    /** Each instance takes at most its share of a pooled processor's segments, so several instances split them. */
    @Bean
    ConfigurerModule sharedSegments(LeadsProperties properties) {
        return configurer -> {
            for (String processor : List.of(ProcessingGroups.STATUS_DURATIONS, StatusAnnouncements.GROUP)) {
                configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(processor,
                        (configuration, builder) -> builder.maxClaimedSegments(properties.maxClaimedSegments()));
            }
        };
    }
}
