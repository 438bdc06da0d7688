package com.crm.leads.api.query;

import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One change of a lead as an auditor reads it: which event, what it changed, the value before and after (null where
 * there was none), who made the change, in which unit, when, and in which request; for a revert's event, the
 * version it brought the lead back to. An event that changes several
 * things (the creation, a status move with its lost reason) gives one entry per thing, all with its sequence number.
 */
public record HistoryEntry(long sequenceNumber, Event event, Changed changed, Object oldValue, Object newValue,
                           User performedByUser, Unit performedByUnit, Instant performedDate, String requestId,
                           Long revertedTo) {

    /** What happened to the lead. */
    public enum Event {
        LEAD_CREATED, FIELD_CHANGED, STATUS_CHANGED, LEAD_REOPENED,
        COMPETITOR_ADDED, COMPETITOR_REMOVED, USER_ADDED, USER_REMOVED, PRODUCT_ADDED, PRODUCT_REMOVED
    }

    /**
     * What of the lead an entry is about: a field, a set, or one of the parts a lead is created with or a status
     * move carries. {@link #key()} is how the history is stored and filtered: distinct across the three kinds.
     */
    public sealed interface Changed {

        String key();

        /** Everything an entry can be about: each field, each set, each part. */
        static List<Changed> all() {
            return Stream.of(Arrays.stream(LeadField.values()).map(Field::new),
                            Arrays.stream(LeadSet.values()).map(Set::new),
                            Arrays.stream(Part.values()))
                    .flatMap(changed -> changed)
                    .map(Changed.class::cast)
                    .toList();
        }

        /** The one thing that has this {@link #key()}, if any. */
        static Optional<Changed> ofKey(String key) {
            return all().stream().filter(changed -> changed.key().equals(key)).findFirst();
        }

        record Field(LeadField field) implements Changed {
            public Field {
                Objects.requireNonNull(field, "field");
            }

            @Override
            public String key() {
                return field.name();
            }
        }

        record Set(LeadSet set) implements Changed {
            public Set {
                Objects.requireNonNull(set, "set");
            }

            @Override
            public String key() {
                return set.name();
            }
        }

        enum Part implements Changed {
            NUMBER, TYPE, CONTACT_INFORMATION, ACCOUNTS_RECEIVABLE, STATUS, LOST_REASON, BILLING_ADDRESS,
            /** Why a closed lead was reopened. */
            REASON;

            @Override
            public String key() {
                return name();
            }
        }
    }
}
