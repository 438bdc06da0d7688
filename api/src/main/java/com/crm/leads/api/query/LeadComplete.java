package com.crm.leads.api.query;

import com.crm.leads.api.LeadField;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.catalogue.Competitor;
import com.crm.leads.api.catalogue.Contact;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.catalogue.LeadType;
import com.crm.leads.api.catalogue.LostReason;
import com.crm.leads.api.catalogue.Product;
import com.crm.leads.api.catalogue.ProductBrand;
import com.crm.leads.api.catalogue.ProductFamily;
import com.crm.leads.api.catalogue.ProductType;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A lead as CRM.COM returns it, references rendered as the catalogue's objects. {@code fields} holds every
 * {@link LeadField}, null where unset, each as a client reads it: text, a number, a date, an {@code Importance},
 * a catalogue object, a {@link TimePeriod}, a {@link LeadSource} or an {@link AssignedTo}. {@code version} is the
 * sequence number of the lead's latest event.
 */
public record LeadComplete(
        String id,
        String number,
        LifeCycleState lifeCycleState,
        LeadStatus status,
        LostReason lostReason,
        LeadType type,
        Contact contactInformation,
        AccountsReceivableView accountsReceivable,
        Map<LeadField, Object> fields,
        Instant actualCompletionDate,
        TimePeriod timeToCompletion,
        TimePeriod timeOverdue,
        List<CompetitorRow> competitorsSet,
        List<UserRow> usersSet,
        List<ProductRow> productsSet,
        LogInformation logInformation,
        long version) {

    public LeadComplete {
        Map<LeadField, Object> every = new EnumMap<>(LeadField.class);
        for (LeadField field : LeadField.values()) {
            every.put(field, fields.get(field));
        }
        fields = Collections.unmodifiableMap(every);
        competitorsSet = List.copyOf(competitorsSet);
        usersSet = List.copyOf(usersSet);
        productsSet = List.copyOf(productsSet);
    }

    /** The field's value as a client reads it, null where unset. */
    public <T> T field(LeadField field, Class<T> type) {
        return type.cast(fields.get(field));
    }

    /** Where the lead came from: a communication, or a custom source with a name. */
    public record LeadSource(String type, CommunicationView communication, String name) {
    }

    public record CommunicationView(String id, String number, String lifeCycleState, Contact contactInformation) {
    }

    public record AssignedTo(Unit unit, User user) {
    }

    public record AccountsReceivableView(String id, String number, String name, String lifeCycleState,
                                         Contact accountOwner) {
    }

    public record CompetitorRow(String id, Competitor competitor) {
    }

    public record UserRow(String id, User user) {
    }

    public record ProductRow(String id, Product product, ProductType productType, ProductBrand productBrand,
                             ProductFamily productFamily) {
    }
}
