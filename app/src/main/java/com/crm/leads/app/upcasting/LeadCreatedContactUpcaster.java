package com.crm.leads.app.upcasting;

import com.crm.leads.api.event.LeadCreated;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.stereotype.Component;

/**
 * Reads a {@link LeadCreated} of revision 1, whose contact was called {@code contact}, as revision 2, which calls
 * it {@code contactInformation}. Stored events are never rewritten; they are renamed as they are read.
 */
@Component
class LeadCreatedContactUpcaster extends SingleEventUpcaster {

    private static final SimpleSerializedType REVISION_1 = new SimpleSerializedType(LeadCreated.class.getName(), "1");
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(LeadCreated.class.getName(), "2");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().equals(REVISION_1);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, payload -> {
            ObjectNode renamed = (ObjectNode) payload;
            renamed.set("contactInformation", renamed.remove("contact"));
            return renamed;
        });
    }
}
