package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.RowAdded;
import com.crm.leads.api.event.RowRemoved;
import com.crm.leads.api.event.StatusChanged;
import com.crm.leads.api.query.FindLeadHistoryQuery;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.HistoryPage;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A lead's audit trail: every field, set row and status move, with who, where, when and in which request. Each
 * event becomes its entries here, which the projection stores ({@link HistoryChanges}); a page is read back from
 * the stored entries and shown with the catalogue's users and units. Nothing is left out, so the trail is as
 * complete as the event store.
 */
@Component
class LeadHistory {

    private final LeadHistoryRepository stored;
    private final LeadRenderer renderer;

    LeadHistory(LeadHistoryRepository stored, LeadRenderer renderer) {
        this.stored = stored;
        this.renderer = renderer;
    }

    /** One thing an event changed: a field, its value before (null where there was none) and after. */
    record Change(String field, Object oldValue, Object newValue) {
    }

    HistoryPage page(LeadState lead, FindLeadHistoryQuery query) {
        LeadId leadId = lead.leadId();
        LeadHistoryRepository.Filter filter = new LeadHistoryRepository.Filter(query.field(),
                query.user() == null ? null : renderer.userIdsNamed(query.user()), query.fromDate(), query.before());
        long offset = (long) (query.page() - 1) * query.recordsPerPage();
        List<HistoryEntry> entries = stored.page(leadId, filter, offset, query.recordsPerPage()).stream()
                .map(row -> new HistoryEntry(row.sequenceNumber(), row.event(), row.field(), row.oldValue(),
                        row.newValue(), renderer.user(row.userId()), renderer.unit(row.unitId()),
                        row.performedDate(), row.requestId()))
                .toList();
        return new HistoryPage(entries, stored.count(leadId, lead.version(), filter));
    }

    /** The entries' event name: LeadCreated becomes LEAD_CREATED, CompetitorAdded COMPETITOR_ADDED. */
    static String eventName(LeadEvent event) {
        return event.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** What one event changed: one entry per field; a field it leaves empty on both sides is no change. */
    static List<Change> changes(LeadEvent event) {
        List<Change> changes = new ArrayList<>();
        if (event instanceof LeadCreated created) {
            add(changes, "number", null, created.number());
            add(changes, "type", null, created.type());
            add(changes, "contact_information", null, created.contactInformation());
            add(changes, "accounts_receivable", null, created.accountsReceivable());
            add(changes, "status", null, created.status());
        } else if (event instanceof FieldChanged changed) {
            add(changes, changed.field().fieldName(), changed.oldValue(), changed.newValue());
        } else if (event instanceof StatusChanged changed) {
            add(changes, "status", changed.from(), changed.to());
            add(changes, "lost_reason", null, changed.lostReason());
            add(changes, "billing_address", null, changed.billingAddress());
        } else if (event instanceof RowAdded added) {
            add(changes, added.set().fieldName(), null, added.row());
        } else if (event instanceof RowRemoved removed) {
            add(changes, removed.set().fieldName(), removed.row(), null);
        }
        return changes;
    }

    private static void add(List<Change> changes, String field, Object oldValue, Object newValue) {
        if (oldValue != null || newValue != null) {
            changes.add(new Change(field, oldValue, newValue));
        }
    }
}
