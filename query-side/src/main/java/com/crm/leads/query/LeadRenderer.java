package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetMember;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.catalogue.AccountsReceivable;
import com.crm.leads.api.catalogue.Catalogue;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.api.catalogue.Category;
import com.crm.leads.api.catalogue.Communication;
import com.crm.leads.api.catalogue.Competitor;
import com.crm.leads.api.catalogue.Contact;
import com.crm.leads.api.catalogue.Group;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.catalogue.LeadType;
import com.crm.leads.api.catalogue.LostReason;
import com.crm.leads.api.catalogue.PrivacyLevel;
import com.crm.leads.api.catalogue.Product;
import com.crm.leads.api.catalogue.ProductBrand;
import com.crm.leads.api.catalogue.ProductFamily;
import com.crm.leads.api.catalogue.ProductType;
import com.crm.leads.api.catalogue.SubscriptionPackage;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LogInformation;
import com.crm.leads.api.query.TimePeriod;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static com.crm.leads.api.LeadField.EXPECTED_COMPLETION_DATE;

/**
 * Dresses a folded lead in the catalogue's objects. An entity the catalogue no longer has is shown with what the
 * events remember of it (id and name), so a lead stays readable after its catalogue changes.
 */
@Component
class LeadRenderer {

    /** Each kind of entity as a lead shows it from what its events remember: its id and its name. */
    private static final Map<Class<? extends CatalogueEntry>, Function<Reference, CatalogueEntry>> REMEMBERED = Map.ofEntries(
            Map.entry(LostReason.class, ref -> new LostReason(ref.id(), ref.name(), null, null)),
            Map.entry(Category.class, ref -> new Category(ref.id(), ref.name(), null, null)),
            Map.entry(LeadType.class, ref -> new LeadType(ref.id(), ref.name(), null, null)),
            Map.entry(User.class, ref -> new User(ref.id(), ref.name(), null, null)),
            Map.entry(Unit.class, ref -> new Unit(ref.id(), ref.name(), null, null, null, null, null)),
            Map.entry(Group.class, ref -> new Group(ref.id(), ref.name(), null, null, null)),
            Map.entry(PrivacyLevel.class, ref -> new PrivacyLevel(ref.id(), ref.name(), null, null, null)),
            Map.entry(SubscriptionPackage.class, ref -> new SubscriptionPackage(ref.id(), ref.name(), null, null)),
            Map.entry(Competitor.class, ref -> new Competitor(ref.id(), ref.name(), null, null)),
            Map.entry(Product.class, ref -> new Product(ref.id(), ref.name(), null, null, null)),
            Map.entry(ProductType.class, ref -> new ProductType(ref.id(), ref.name(), null, null)),
            Map.entry(ProductBrand.class, ref -> new ProductBrand(ref.id(), ref.name(), null, null)),
            Map.entry(ProductFamily.class, ref -> new ProductFamily(ref.id(), ref.name(), null, null)));

    private final Catalogue catalogue;
    private final Clock clock;

    /** {@code clock} tells the time in the service's zone, the zone lead dates are written in. */
    LeadRenderer(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    LeadComplete render(LeadState lead) {
        return render(lead, clock.instant());
    }

    /** The lead as it reads at {@code at}: the time left and overdue count from then. */
    LeadComplete render(LeadState lead, Instant at) {
        StatusReference status = lead.status();
        boolean pending = status.classification() == LifeCycleState.PENDING;
        LocalDateTime expected = lead.value(EXPECTED_COMPLETION_DATE, LocalDateTime.class);
        LocalDateTime now = LocalDateTime.ofInstant(at, clock.getZone());
        Map<LeadField, Object> fields = new EnumMap<>(LeadField.class);
        for (LeadField field : LeadField.values()) {
            fields.put(field, shown(field, lead.field(field)));
        }
        return new LeadComplete(
                lead.leadId().value(),
                lead.number(),
                status.classification(),
                entity(LeadStatus.class, status.asReference(),
                        ref -> new LeadStatus(ref.id(), ref.name(), null, null, status.classification())),
                entity(LostReason.class, lead.lostReason()),
                entity(LeadType.class, lead.type()),
                contact(lead.contact()),
                accountsReceivable(lead.accountsReceivable()),
                fields,
                lead.actualCompletionDate(),
                pending && expected != null && now.isBefore(expected) ? span(now, expected) : TimePeriod.NONE,
                pending && expected != null && now.isAfter(expected) ? span(expected, now) : TimePeriod.NONE,
                lead.rows(LeadSet.COMPETITORS).stream().map(row -> new LeadComplete.CompetitorRow(row.rowId(),
                        entity(Competitor.class, row.member().reference()))).toList(),
                lead.rows(LeadSet.USERS).stream().map(row -> new LeadComplete.UserRow(row.rowId(),
                        user(row.member().reference()))).toList(),
                lead.rows(LeadSet.PRODUCTS).stream().map(this::productRow).toList(),
                logInformation(lead),
                lead.version());
    }

    /** A field's value as a client reads it: a catalogue entity as the catalogue shows it now. */
    private Object shown(LeadField field, FieldValue value) {
        if (value instanceof FieldValue.Code code) {
            return code(field.of(), code.code());
        }
        if (value instanceof FieldValue.Entity entity) {
            return entity(field.of().asSubclass(CatalogueEntry.class), entity.reference());
        }
        if (value instanceof FieldValue.Period period) {
            return new TimePeriod(period.value(), period.unit());
        }
        if (value instanceof FieldValue.Source source) {
            return source(source);
        }
        if (value instanceof FieldValue.Assignment assignment) {
            return new LeadComplete.AssignedTo(unit(assignment.unit()), user(assignment.user()));
        }
        return value == null ? null : value.plain();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object code(Class<?> codes, String code) {
        return Enum.valueOf((Class) codes, code);
    }

    private LogInformation logInformation(LeadState lead) {
        return new LogInformation(lead.created().date(), lead.updated().date(),
                user(lead.created().userId()), user(lead.updated().userId()),
                unit(lead.created().unitId()), unit(lead.updated().unitId()));
    }

    User user(String id) {
        return id == null ? null : user(new Reference(id, null));
    }

    private User user(Reference reference) {
        return entity(User.class, reference);
    }

    private Unit unit(Reference reference) {
        return entity(Unit.class, reference);
    }

    /** The time left or past, in the largest unit it fills at least once. */
    private static TimePeriod span(LocalDateTime from, LocalDateTime to) {
        return FieldValue.Period.between(from, to, false)
                .map(period -> new TimePeriod(period.value(), period.unit()))
                .orElse(TimePeriod.NONE);
    }

    private LeadComplete.LeadSource source(FieldValue.Source source) {
        LeadComplete.CommunicationView communication = source.communication() == null ? null
                : catalogue.find(Communication.class, source.communication().id())
                .map(found -> new LeadComplete.CommunicationView(found.id(), found.number(), found.lifeCycleState(),
                        found.contactId() == null ? null : contactById(found.contactId(), null)))
                .orElseGet(() -> new LeadComplete.CommunicationView(source.communication().id(),
                        source.communication().name(), null, null));
        return new LeadComplete.LeadSource(source.type(), communication, source.name());
    }

    private LeadComplete.ProductRow productRow(SetRow row) {
        Reference ref = row.member().reference();
        SetMember.Kind kind = row.member().kind();
        return new LeadComplete.ProductRow(row.rowId(),
                kind == SetMember.Kind.PRODUCT
                        ? entity(Product.class, ref) : null,
                kind == SetMember.Kind.PRODUCT_TYPE
                        ? entity(ProductType.class, ref) : null,
                kind == SetMember.Kind.PRODUCT_BRAND
                        ? entity(ProductBrand.class, ref) : null,
                kind == SetMember.Kind.PRODUCT_FAMILY
                        ? entity(ProductFamily.class, ref) : null);
    }

    /** The ids of the users {@code idOrUsername} can name: itself as an id, and each user with it as username. */
    Set<String> userIdsNamed(String idOrUsername) {
        Set<String> ids = new HashSet<>(Set.of(idOrUsername));
        catalogue.all(User.class).stream().filter(user -> idOrUsername.equals(user.username()))
                .forEach(user -> ids.add(user.id()));
        return ids;
    }

    Unit unit(String id) {
        return id == null ? null : unit(new Reference(id, null));
    }

    private Contact contact(Reference reference) {
        return reference == null ? null : contactById(reference.id(), reference.name());
    }

    private Contact contactById(String id, String name) {
        return catalogue.find(Contact.class, id).orElseGet(
                () -> new Contact(id, null, name, null, null, null, null, null, null, null, null));
    }

    private LeadComplete.AccountsReceivableView accountsReceivable(Reference reference) {
        if (reference == null) {
            return null;
        }
        return catalogue.find(AccountsReceivable.class, reference.id())
                .map(account -> new LeadComplete.AccountsReceivableView(account.id(), account.number(),
                        account.name(), account.lifeCycleState(),
                        account.accountOwnerId() == null ? null : contactById(account.accountOwnerId(), null)))
                .orElseGet(() -> new LeadComplete.AccountsReceivableView(reference.id(), null, reference.name(),
                        null, null));
    }

    /** The entity as the catalogue has it, or as the events remember it where the catalogue no longer does. */
    private <T extends CatalogueEntry> T entity(Class<T> kind, Reference reference) {
        return entity(kind, reference, remembered -> kind.cast(REMEMBERED.get(kind).apply(remembered)));
    }

    private <T extends CatalogueEntry> T entity(
            Class<T> kind, Reference reference, Function<Reference, T> remembered) {
        return reference == null ? null
                : catalogue.find(kind, reference.id()).orElseGet(() -> remembered.apply(reference));
    }
}
