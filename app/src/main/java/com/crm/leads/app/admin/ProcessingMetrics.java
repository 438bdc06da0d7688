package com.crm.leads.app.admin;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * What Axon's own metrics leave out and an operator alerts on: the segments each streaming processor has claimed on
 * this instance (none for a while means no instance is processing them), and the dead letters waiting per
 * processing group (each is an event a projection could not take).
 */
@Component
class ProcessingMetrics implements MeterBinder {

    private final EventProcessingConfiguration processing;

    ProcessingMetrics(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        processing.eventProcessors().forEach((name, processor) -> {
            if (processor instanceof StreamingEventProcessor streaming) {
                Gauge.builder("leads.processor.claimed_segments", streaming,
                                claimed -> claimed.processingStatus().size())
                        .description("Segments of the processor this instance has claimed")
                        .tag("processor", name).register(registry);
            }
        });
        for (String group : AdminController.DEAD_LETTER_GROUPS) {
            processing.deadLetterQueue(group).ifPresent(queue -> Gauge.builder("leads.dead_letters", queue,
                            letters -> letters.amountOfSequences())
                    .description("Sequences of events a processing group could not handle, waiting for a retry")
                    .tag("processing_group", group).register(registry));
        }
    }
}
