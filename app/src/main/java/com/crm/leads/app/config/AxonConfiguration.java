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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
