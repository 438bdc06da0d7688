package com.crm.leads.app.config;

import com.crm.leads.api.LeadMetadata;
import com.crm.leads.query.ProcessingGroups;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.retry.support.RetryTemplate;

import java.time.Duration;

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
}
