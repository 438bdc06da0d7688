package com.crm.leads.app.catalogue;

import com.crm.leads.api.catalogue.AccountsReceivable;
import com.crm.leads.api.catalogue.Address;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.api.catalogue.Category;
import com.crm.leads.api.catalogue.Contact;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.catalogue.LeadType;
import com.crm.leads.api.catalogue.LostReason;
import com.crm.leads.api.catalogue.Unit;

import java.util.Map;
import java.util.function.Function;

/**
 * A kind of entity that identifier objects name, with the fields that identify it (CRM.COM, section 3 of the
 * contract): an identifier object gives exactly one of them.
 */
public record Identifiable<T extends CatalogueEntry>(String kindName, Class<T> type,
                                                     Map<String, Function<T, String>> fields) {

    public static final Identifiable<LeadStatus> STATUS = of("lead status", LeadStatus.class,
            "id", LeadStatus::id, "name", LeadStatus::name, "alternative_code", LeadStatus::alternativeCode);
    public static final Identifiable<LostReason> LOST_REASON = of("lost reason", LostReason.class,
            "id", LostReason::id, "name", LostReason::name, "alternative_code", LostReason::alternativeCode);
    public static final Identifiable<Category> CATEGORY = of("category", Category.class,
            "id", Category::id, "name", Category::name, "code", Category::code);
    public static final Identifiable<LeadType> TYPE = of("lead type", LeadType.class,
            "id", LeadType::id, "name", LeadType::name, "alternative_code", LeadType::alternativeCode);
    public static final Identifiable<Contact> CONTACT = of("contact", Contact.class,
            "id", Contact::id, "name", Contact::name);
    public static final Identifiable<AccountsReceivable> ACCOUNTS_RECEIVABLE = of("accounts receivable",
            AccountsReceivable.class, "id", AccountsReceivable::id, "number", AccountsReceivable::number);
    public static final Identifiable<Unit> UNIT = of("unit", Unit.class,
            "id", Unit::id, "name", Unit::name, "alternative_code", Unit::alternativeCode);
    /** CRM.COM pages write the address type both as {@code TYPE} and {@code type}. */
    public static final Identifiable<Address> ADDRESS = of("address", Address.class,
            "id", Address::id, "type", Address::type, "TYPE", Address::type);

    private static <T extends CatalogueEntry> Identifiable<T> of(String kindName, Class<T> type,
                                                                 String first, Function<T, String> firstField,
                                                                 String second, Function<T, String> secondField) {
        return new Identifiable<>(kindName, type, Map.of(first, firstField, second, secondField));
    }

    private static <T extends CatalogueEntry> Identifiable<T> of(String kindName, Class<T> type,
                                                                 String first, Function<T, String> firstField,
                                                                 String second, Function<T, String> secondField,
                                                                 String third, Function<T, String> thirdField) {
        return new Identifiable<>(kindName, type, Map.of(first, firstField, second, secondField, third, thirdField));
    }

    public String fieldList() {
        return String.join(", ", fields.keySet().stream().sorted().toList());
    }
}
