package com.crm.leads.query;

import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.RowAdded;
import com.crm.leads.api.event.RowRemoved;
import com.crm.leads.api.event.StatusChanged;
import com.crm.leads.api.query.FindLeadHistoryQuery;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.HistoryPage;
import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * A lead's audit trail, read from its events: every field, set row and status move, with who, where, when and
 * in which request. Nothing is left out, so the trail is as complete as the event store.
 */
@Component
class LeadHistory {

    private final LeadRenderer renderer;

    LeadHistory(LeadRenderer renderer) {
        this.renderer = renderer;
    }

    HistoryPage page(List<DomainEventMessage<LeadEvent>> events, FindLeadHistoryQuery query) {
        List<HistoryEntry> matching = events.stream()
                .flatMap(event -> entries(event).stream())
                .filter(matches(query))
                .toList();
        int from = Math.min(matching.size(), (query.page() - 1) * query.recordsPerPage());
        int to = Math.min(matching.size(), from + query.recordsPerPage());
        return new HistoryPage(matching.subList(from, to), matching.size());
    }

    private static Predicate<HistoryEntry> matches(FindLeadHistoryQuery query) {
        return entry -> (query.field() == null || query.field().equals(entry.field()))
                && (query.user() == null || entry.performedByUser() != null
                && (query.user().equals(entry.performedByUser().id())
                || query.user().equals(entry.performedByUser().username())))
                && (query.fromDate() == null || !entry.performedDate().isBefore(query.fromDate()))
                && (query.before() == null || entry.performedDate().isBefore(query.before()));
    }

    /** The entries of one event: one per field it changes. */
    List<HistoryEntry> entries(DomainEventMessage<LeadEvent> message) {
        LeadEvent event = message.getPayload();
        Entries entries = new Entries(message);
        if (event instanceof LeadCreated created) {
            entries.add("number", null, created.number());
            entries.add("type", null, created.type());
            entries.add("contact_information", null, created.contactInformation());
            entries.add("accounts_receivable", null, created.accountsReceivable());
            entries.add("status", null, created.status());
        } else if (event instanceof FieldChanged changed) {
            entries.add(changed.field().fieldName(), changed.oldValue(), changed.newValue());
        } else if (event instanceof StatusChanged changed) {
            entries.add("status", changed.from(), changed.to());
            entries.add("lost_reason", null, changed.lostReason());
            entries.add("billing_address", null, changed.billingAddress());
        } else if (event instanceof RowAdded added) {
            entries.add(added.set().fieldName(), null, added.row());
        } else if (event instanceof RowRemoved removed) {
            entries.add(removed.set().fieldName(), removed.row(), null);
        }
        return entries.list;
    }

    /** Collects an event's entries; a field that the event leaves empty on both sides is no change and no entry. */
    private final class Entries {

        private final DomainEventMessage<LeadEvent> message;
        private final String eventName;
        private final User user;
        private final Unit unit;
        private final List<HistoryEntry> list = new ArrayList<>();

        Entries(DomainEventMessage<LeadEvent> message) {
            this.message = message;
            // LeadCreated becomes LEAD_CREATED, CompetitorAdded COMPETITOR_ADDED
            this.eventName = message.getPayloadType().getSimpleName()
                    .replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
            this.user = renderer.user((String) message.getMetaData().get(LeadMetadata.USER_ID));
            this.unit = renderer.unit((String) message.getMetaData().get(LeadMetadata.UNIT_ID));
        }

        void add(String field, Object oldValue, Object newValue) {
            if (oldValue == null && newValue == null) {
                return;
            }
            list.add(new HistoryEntry(message.getSequenceNumber(), eventName, field, oldValue, newValue, user, unit,
                    message.getTimestamp(), (String) message.getMetaData().get(LeadMetadata.REQUEST_ID)));
        }
    }
}
