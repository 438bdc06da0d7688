package com.crm.leads.app.upcasting;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.event.LeadCreated;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** An event store written before {@code LeadCreated} revision 2 still loads: from stored revision-1 JSON. */
class LeadCreatedContactUpcasterTest {

    /** Serialized as the service's event store does: Jackson, with Axon's own mapper settings. */
    private final JacksonSerializer serializer = JacksonSerializer.builder()
            .objectMapper(JsonMapper.builder().addModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build())
            .build();

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = LeadCreatedContactUpcasterTest.class.getResourceAsStream("/events/" + name)) {
            return in.readAllBytes();
        }
    }

    private List<? extends DomainEventMessage<?>> read(DomainEventData<?> stored) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(stored), serializer,
                new EventUpcasterChain(new LeadCreatedContactUpcaster())).asStream().toList();
    }

    private static GenericDomainEventEntry<byte[]> stored(String revision, byte[] payload) {
        return new GenericDomainEventEntry<>("Lead", "DCD9A08C2A4C421EA00FCF84D0974CCA", 0, "E1",
                "2015-03-16T14:32:14Z", LeadCreated.class.getName(), revision, payload, "{}".getBytes());
    }

    @Test
    void aRevisionOneLeadCreatedIsReadWithItsContactAsContactInformation() throws IOException {
        List<? extends DomainEventMessage<?>> events = read(stored("1", fixture("lead-created-revision-1.json")));

        assertThat(events).singleElement().satisfies(event -> assertThat(event.getPayload()).isEqualTo(
                new LeadCreated(new LeadId("DCD9A08C2A4C421EA00FCF84D0974CCA"), "69",
                        new Reference("F60FFE7AAD3F5B9B6E66A42266FA37C4", "Software Purchase"),
                        new Reference("829CA6CAFFAB434C9E1B3FB72BE3DAB1", "Filippos Constantinou"),
                        new Reference("02BE7465096C47F6B237E2D27F84C06B", "Filippos Constantinou"),
                        new StatusReference("E01AC0CCF9884F819C1AFBF0DA5DCB8A", "New", LifeCycleState.PENDING))));
        LeadCreated created = (LeadCreated) events.get(0).getPayload();
        assertThat(created.contactInformation().name()).isEqualTo("Filippos Constantinou");
    }

    @Test
    void aRevisionTwoLeadCreatedIsLeftAsItIs() {
        LeadCreated current = new LeadCreated(LeadId.random(), "1000", new Reference("T", "Type"),
                new Reference("C", "Contact"), null, new StatusReference("S", "New", LifeCycleState.PENDING));
        byte[] payload = serializer.serialize(current, byte[].class).getData();

        assertThat(read(stored("2", payload))).singleElement()
                .satisfies(event -> assertThat(event.getPayload()).isEqualTo(current));
    }
}
