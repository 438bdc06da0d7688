package com.crm.leads.query;

import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.RowAdded;
import com.crm.leads.api.event.RowRemoved;
import com.crm.leads.api.event.StatusChanged;
import org.axonframework.eventhandling.DomainEventMessage;

import java.util.Map;

/**
 * The one way events become a lead. The projection folds each new event into the stored state with it; anything
 * else that needs a lead from events (a rebuild, a past version) folds with it too.
 */
final class LeadFold {

    private LeadFold() {
    }

    /**
     * The lead after {@code message}; {@code before} is null for the lead's first event.
     */
    static LeadState apply(LeadState before, DomainEventMessage<? extends LeadEvent> message) {
        LeadEvent event = message.getPayload();
        LeadState.Stamp stamp = new LeadState.Stamp(message.getTimestamp(),
                (String) message.getMetaData().get(LeadMetadata.USER_ID),
                (String) message.getMetaData().get(LeadMetadata.UNIT_ID));
        if (event instanceof LeadCreated created) {
            return new LeadState(created.leadId(), created.number(), created.type(), created.contactInformation(),
                    created.accountsReceivable(), created.status(), null, null, Map.of(), Map.of(), stamp, stamp,
                    message.getSequenceNumber());
        }
        LeadState changed;
        if (event instanceof FieldChanged fieldChanged) {
            changed = before.withField(fieldChanged.field(), fieldChanged.newValue());
        } else if (event instanceof RowAdded added) {
            changed = before.withRows(added.set(), rows -> {
                rows.add(added.row());
                return rows;
            });
        } else if (event instanceof RowRemoved removed) {
            changed = before.withRows(removed.set(), rows -> {
                rows.removeIf(row -> row.rowId().equals(removed.row().rowId()));
                return rows;
            });
        } else if (event instanceof StatusChanged statusChanged) {
            changed = before.withStatus(statusChanged.to(), statusChanged.lostReason(),
                    statusChanged.to().classification().isClosed() ? message.getTimestamp() : null);
        } else {
            throw new IllegalArgumentException("no fold for " + event.getClass().getSimpleName());
        }
        return changed.stamped(stamp, message.getSequenceNumber());
    }
}
