package com.crm.leads.query;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadCreated;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.LeadReopened;
import com.crm.leads.api.event.RowAdded;
import com.crm.leads.api.event.RowRemoved;
import com.crm.leads.api.event.StatusChanged;
import com.crm.leads.api.query.FindLeadHistoryQuery;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.HistoryPage;
import com.crm.leads.api.query.HistoryEntry.Changed.Part;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

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

    /** One thing an event changed, its value before (null where there was none) and after. */
    record Change(HistoryEntry.Changed changed, Object oldValue, Object newValue) {
    }

    HistoryPage page(LeadState lead, FindLeadHistoryQuery query) {
        LeadId leadId = lead.leadId();
        LeadHistoryRepository.Filter filter = new LeadHistoryRepository.Filter(query.changed() == null ? null
                : query.changed().stream().map(HistoryEntry.Changed::key).toList(),
                query.user() == null ? null : renderer.userIdsNamed(query.user()), query.fromDate(), query.before());
        long offset = (long) (query.page() - 1) * query.recordsPerPage();
        List<HistoryEntry> entries = stored.page(leadId, filter, offset, query.recordsPerPage()).stream()
                .map(row -> new HistoryEntry(row.sequenceNumber(), HistoryEntry.Event.valueOf(row.event()),
                        HistoryEntry.Changed.ofKey(row.field()).orElseThrow(), row.oldValue(),
                        row.newValue(), renderer.user(row.userId()), renderer.unit(row.unitId()),
                        row.performedDate(), row.requestId(), row.revertedTo()))
                .toList();
        return new HistoryPage(entries, stored.count(leadId, lead.version(), filter));
    }

    /** Which event {@code event} is, as the history names it. */
    static HistoryEntry.Event event(LeadEvent event) {
        if (event instanceof LeadCreated) {
            return HistoryEntry.Event.LEAD_CREATED;
        }
        if (event instanceof FieldChanged) {
            return HistoryEntry.Event.FIELD_CHANGED;
        }
        if (event instanceof StatusChanged) {
            return HistoryEntry.Event.STATUS_CHANGED;
        }
        if (event instanceof LeadReopened) {
            return HistoryEntry.Event.LEAD_REOPENED;
        }
        boolean added = event instanceof RowAdded;
        LeadSet set = added ? ((RowAdded) event).set() : ((RowRemoved) event).set();
        return switch (set) {
            case COMPETITORS -> added ? HistoryEntry.Event.COMPETITOR_ADDED : HistoryEntry.Event.COMPETITOR_REMOVED;
            case USERS -> added ? HistoryEntry.Event.USER_ADDED : HistoryEntry.Event.USER_REMOVED;
            case PRODUCTS -> added ? HistoryEntry.Event.PRODUCT_ADDED : HistoryEntry.Event.PRODUCT_REMOVED;
        };
    }

    /** What one event changed: one entry per thing; a thing it leaves empty on both sides is no change. */
    static List<Change> changes(LeadEvent event) {
        List<Change> changes = new ArrayList<>();
        if (event instanceof LeadCreated created) {
            add(changes, Part.NUMBER, null, created.number());
            add(changes, Part.TYPE, null, created.type());
            add(changes, Part.CONTACT_INFORMATION, null, created.contactInformation());
            add(changes, Part.ACCOUNTS_RECEIVABLE, null, created.accountsReceivable());
            add(changes, Part.STATUS, null, created.status());
        } else if (event instanceof FieldChanged changed) {
            add(changes, new HistoryEntry.Changed.Field(changed.field()), changed.oldValue(), changed.newValue());
        } else if (event instanceof StatusChanged changed) {
            add(changes, Part.STATUS, changed.from(), changed.to());
            add(changes, Part.LOST_REASON, null, changed.lostReason());
            add(changes, Part.BILLING_ADDRESS, null, changed.billingAddress());
        } else if (event instanceof LeadReopened reopened) {
            add(changes, Part.STATUS, reopened.from(), reopened.to());
            add(changes, Part.REASON, null, reopened.reason());
        } else if (event instanceof RowAdded added) {
            add(changes, new HistoryEntry.Changed.Set(added.set()), null, added.row());
        } else if (event instanceof RowRemoved removed) {
            add(changes, new HistoryEntry.Changed.Set(removed.set()), removed.row(), null);
        }
        return changes;
    }

    private static void add(List<Change> changes, HistoryEntry.Changed changed, Object oldValue, Object newValue) {
        if (oldValue != null || newValue != null) {
            changes.add(new Change(changed, oldValue, newValue));
        }
    }
}
