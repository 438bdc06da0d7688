package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.Importance;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import static com.crm.leads.api.LeadField.*;

/**
 * Dresses a folded lead in the catalogue's objects. An entity the catalogue no longer has is shown with what the
 * events remember of it (id and name), so a lead stays readable after its catalogue changes.
 */
@Component
class LeadRenderer {

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
        LocalDateTime expected = date(lead, EXPECTED_COMPLETION_DATE);
        LocalDateTime now = LocalDateTime.ofInstant(at, clock.getZone());
        return new LeadComplete(
                lead.leadId().value(),
                lead.number(),
                status.classification(),
                entity(LeadStatus.class, status.asReference(),
                        ref -> new LeadStatus(ref.id(), ref.name(), null, null, status.classification())),
                entity(LostReason.class, lead.lostReason(), ref -> new LostReason(ref.id(), ref.name(), null, null)),
                entity(Category.class, reference(lead, CATEGORY), ref -> new Category(ref.id(), ref.name(), null, null)),
                entity(LeadType.class, lead.type(), ref -> new LeadType(ref.id(), ref.name(), null, null)),
                code(lead, IMPORTANCE) == null ? null : Importance.valueOf(code(lead, IMPORTANCE)),
                lead.field(PRIORITY) instanceof FieldValue.Whole priority ? priority.number() : null,
                decimal(lead, PROBABILITY_TO_WIN),
                decimal(lead, TARGET_AMOUNT),
                text(lead, DESCRIPTION),
                text(lead, CONTACT_EMAIL),
                text(lead, CONTACT_PHONE),
                date(lead, START_DATE),
                expected,
                lead.actualCompletionDate(),
                lead.field(ESTIMATED_COMPLETION_TIME) instanceof FieldValue.Period period
                        ? new TimePeriod(period.value(), period.unit()) : null,
                pending && expected != null && now.isBefore(expected) ? span(now, expected) : TimePeriod.NONE,
                pending && expected != null && now.isAfter(expected) ? span(expected, now) : TimePeriod.NONE,
                source(lead),
                assignment(lead),
                entity(User.class, reference(lead, LEAD_OWNER), ref -> new User(ref.id(), ref.name(), null, null)),
                entity(Group.class, reference(lead, OWNED_BY_GROUP),
                        ref -> new Group(ref.id(), ref.name(), null, null, null)),
                entity(PrivacyLevel.class, reference(lead, PRIVACY_LEVEL),
                        ref -> new PrivacyLevel(ref.id(), ref.name(), null, null)),
                entity(SubscriptionPackage.class, reference(lead, SUBSCRIPTION_PACKAGE),
                        ref -> new SubscriptionPackage(ref.id(), ref.name(), null, null)),
                contact(lead.contact()),
                accountsReceivable(lead.accountsReceivable()),
                lead.rows(LeadSet.COMPETITORS).stream().map(row -> new LeadComplete.CompetitorRow(row.rowId(),
                        entity(Competitor.class, row.member().reference(),
                                ref -> new Competitor(ref.id(), ref.name(), null, null)))).toList(),
                lead.rows(LeadSet.USERS).stream().map(row -> new LeadComplete.UserRow(row.rowId(),
                        user(row.member().reference()))).toList(),
                lead.rows(LeadSet.PRODUCTS).stream().map(this::productRow).toList(),
                text(lead, UDF_STRING_1), text(lead, UDF_STRING_2), text(lead, UDF_STRING_3), text(lead, UDF_STRING_4),
                text(lead, UDF_STRING_5), text(lead, UDF_STRING_6), text(lead, UDF_STRING_7), text(lead, UDF_STRING_8),
                decimal(lead, UDF_FLOAT_1), decimal(lead, UDF_FLOAT_2), decimal(lead, UDF_FLOAT_3),
                decimal(lead, UDF_FLOAT_4),
                date(lead, UDF_DATE_1), date(lead, UDF_DATE_2), date(lead, UDF_DATE_3), date(lead, UDF_DATE_4),
                logInformation(lead),
                lead.version());
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
        return entity(User.class, reference, ref -> new User(ref.id(), ref.name(), null, null));
    }

    private Unit unit(Reference reference) {
        return entity(Unit.class, reference, ref -> new Unit(ref.id(), ref.name(), null, null, null, null));
    }

    /** The time left or past, in the largest unit it fills at least once. */
    private static TimePeriod span(LocalDateTime from, LocalDateTime to) {
        return FieldValue.Period.between(from, to, false)
                .map(period -> new TimePeriod(period.value(), period.unit()))
                .orElse(TimePeriod.NONE);
    }

    private LeadComplete.LeadSource source(LeadState lead) {
        if (!(lead.field(SOURCE) instanceof FieldValue.Source source)) {
            return null;
        }
        LeadComplete.CommunicationView communication = source.communication() == null ? null
                : catalogue.find(Communication.class, source.communication().id())
                .map(found -> new LeadComplete.CommunicationView(found.id(), found.number(), found.lifeCycleState(),
                        found.contactId() == null ? null : contactById(found.contactId(), null)))
                .orElseGet(() -> new LeadComplete.CommunicationView(source.communication().id(),
                        source.communication().name(), null, null));
        return new LeadComplete.LeadSource(source.type(), communication, source.name());
    }

    private LeadComplete.AssignedTo assignment(LeadState lead) {
        if (!(lead.field(ASSIGNED_TO) instanceof FieldValue.Assignment assignment)) {
            return null;
        }
        return new LeadComplete.AssignedTo(unit(assignment.unit()), user(assignment.user()));
    }

    private LeadComplete.ProductRow productRow(SetRow row) {
        Reference ref = row.member().reference();
        SetMember.Kind kind = row.member().kind();
        return new LeadComplete.ProductRow(row.rowId(),
                kind == SetMember.Kind.PRODUCT
                        ? entity(Product.class, ref, r -> new Product(r.id(), r.name(), null, null, null)) : null,
                kind == SetMember.Kind.PRODUCT_TYPE
                        ? entity(ProductType.class, ref, r -> new ProductType(r.id(), r.name(), null, null)) : null,
                kind == SetMember.Kind.PRODUCT_BRAND
                        ? entity(ProductBrand.class, ref, r -> new ProductBrand(r.id(), r.name(), null, null)) : null,
                kind == SetMember.Kind.PRODUCT_FAMILY
                        ? entity(ProductFamily.class, ref, r -> new ProductFamily(r.id(), r.name(), null, null)) : null);
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

    private <T extends CatalogueEntry> T entity(
            Class<T> kind, Reference reference, Function<Reference, T> remembered) {
        return reference == null ? null
                : catalogue.find(kind, reference.id()).orElseGet(() -> remembered.apply(reference));
    }

    private static Reference reference(LeadState lead, LeadField field) {
        return lead.field(field) instanceof FieldValue.Entity entity ? entity.reference() : null;
    }

    private static String text(LeadState lead, LeadField field) {
        return lead.field(field) instanceof FieldValue.Text text ? text.text() : null;
    }

    private static String code(LeadState lead, LeadField field) {
        return lead.field(field) instanceof FieldValue.Code code ? code.code() : null;
    }

    private static BigDecimal decimal(LeadState lead, LeadField field) {
        return lead.field(field) instanceof FieldValue.Decimal decimal ? decimal.number() : null;
    }

    private static LocalDateTime date(LeadState lead, LeadField field) {
        return lead.field(field) instanceof FieldValue.DateTime date ? date.dateTime() : null;
    }
}
