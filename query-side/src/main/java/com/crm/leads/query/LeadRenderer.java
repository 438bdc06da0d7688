package com.crm.leads.query;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.Importance;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.catalogue.AccountsReceivable;
import com.crm.leads.api.catalogue.Catalogue;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.api.catalogue.Category;
import com.crm.leads.api.catalogue.Contact;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.catalogue.LeadType;
import com.crm.leads.api.catalogue.LostReason;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LogInformation;
import com.crm.leads.api.query.TimePeriod;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import static com.crm.leads.api.LeadField.*;

/**
 * Dresses a folded lead in the catalogue's objects. An entity the catalogue no longer has is shown with what the
 * events remember of it (id and name), so a lead stays readable after its catalogue changes.
 */
@Component
class LeadRenderer {

    private final Catalogue catalogue;

    LeadRenderer(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    LeadComplete render(LeadState lead) {
        StatusReference status = lead.status();
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
                null,
                lead.actualCompletionDate(),
                null,
                TimePeriod.NONE,
                TimePeriod.NONE,
                null,
                null,
                null,
                null,
                null,
                null,
                contact(lead.contact()),
                accountsReceivable(lead.accountsReceivable()),
                List.of(),
                List.of(),
                List.of(),
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

    private User user(String id) {
        return id == null ? null : catalogue.find(User.class, id).orElseGet(() -> new User(id, null, null, null));
    }

    private Unit unit(String id) {
        return id == null ? null
                : catalogue.find(Unit.class, id).orElseGet(() -> new Unit(id, null, null, null, null, null));
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
