package com.crm.leads.app.admin;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Axon's metrics of the command bus, the query bus and each event processor, without their capacity gauges.
 * Axon's capacity monitor keeps every message handled in the last minute, one entry each, to compute how busy the
 * handler was: while a processor catches up a million events in a minute (after a restore, or a replay) that is
 * about a million entries per processor, more than the whole heap the service runs in, and under the update load
 * it holds a minute of every command, query and event. The service's metrics (decision 26) use the counts, the
 * times and the processors' latency, which stay as Axon registers them.
 */
@Configuration(proxyBeanMethods = false)
class ProcessorMonitors {

    @Bean
    GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new WithoutCapacity(meterRegistry);
    }

    private static final class WithoutCapacity extends GlobalMetricRegistry {

        WithoutCapacity(MeterRegistry registry) {
            super(registry);
        }

        @Override
        public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
                String eventProcessorName, Function<Message<?>, Iterable<Tag>> tagsBuilder,
                Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
            return timedAndCounted(eventProcessorName, tagsBuilder, EventProcessorLatencyMonitor.builder()
                    .meterNamePrefix(eventProcessorName).meterRegistry(getRegistry())
                    .tagsBuilder(latencyTagsBuilder).build());
        }

        @Override
        public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
                String commandBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
            return timedAndCounted(commandBusName, tagsBuilder);
        }

        @Override
        public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
                String queryBusName, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
            return timedAndCounted(queryBusName, tagsBuilder);
        }

        @SafeVarargs
        private <T extends Message<?>> MessageMonitor<T> timedAndCounted(
                String name, Function<Message<?>, Iterable<Tag>> tagsBuilder,
                MessageMonitor<? super T>... others) {
            List<MessageMonitor<? super T>> monitors = new ArrayList<>(List.of(others));
            monitors.add(MessageTimerMonitor.buildMonitor(name, getRegistry(), tagsBuilder));
            monitors.add(MessageCountingMonitor.buildMonitor(name, getRegistry(), tagsBuilder));
            return new MultiMessageMonitor<>(monitors);
        }
    }
}
