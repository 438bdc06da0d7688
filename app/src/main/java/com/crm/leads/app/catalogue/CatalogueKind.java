package com.crm.leads.app.catalogue;

import com.crm.leads.api.catalogue.AccountsReceivable;
import com.crm.leads.api.catalogue.Address;
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

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A kind of entity that identifier objects name, with the fields that identify it (CRM.COM, section 3 of the
 * contract): an identifier object gives exactly one of them. {@code label} is what events remember the entity by.
 */
public record CatalogueKind<T extends CatalogueEntry>(String kindName, Class<T> type, Function<T, String> label,
                                                     Map<String, Function<T, String>> fields) {

    public static final CatalogueKind<LeadStatus> STATUS = of("lead status", LeadStatus.class, LeadStatus::name,
            "id", LeadStatus::id, "name", LeadStatus::name, "alternative_code", LeadStatus::alternativeCode);
    public static final CatalogueKind<LostReason> LOST_REASON = of("lost reason", LostReason.class, LostReason::name,
            "id", LostReason::id, "name", LostReason::name, "alternative_code", LostReason::alternativeCode);
    public static final CatalogueKind<Category> CATEGORY = of("category", Category.class, Category::name,
            "id", Category::id, "name", Category::name, "code", Category::code);
    public static final CatalogueKind<LeadType> TYPE = of("lead type", LeadType.class, LeadType::name,
            "id", LeadType::id, "name", LeadType::name, "alternative_code", LeadType::alternativeCode);
    public static final CatalogueKind<Contact> CONTACT = of("contact", Contact.class, Contact::name,
            "id", Contact::id, "name", Contact::name);
    public static final CatalogueKind<AccountsReceivable> ACCOUNTS_RECEIVABLE = of("accounts receivable",
            AccountsReceivable.class, AccountsReceivable::name,
            "id", AccountsReceivable::id, "number", AccountsReceivable::number);
    public static final CatalogueKind<Unit> UNIT = of("unit", Unit.class, Unit::name,
            "id", Unit::id, "name", Unit::name, "alternative_code", Unit::alternativeCode);
    public static final CatalogueKind<Group> GROUP = of("group", Group.class, Group::name,
            "id", Group::id, "name", Group::name, "alternative_code", Group::alternativeCode);
    public static final CatalogueKind<PrivacyLevel> PRIVACY_LEVEL = of("privacy level", PrivacyLevel.class,
            PrivacyLevel::name, "id", PrivacyLevel::id, "name", PrivacyLevel::name, "number", PrivacyLevel::number);
    public static final CatalogueKind<SubscriptionPackage> SUBSCRIPTION_PACKAGE = of("subscription package",
            SubscriptionPackage.class, SubscriptionPackage::name, "id", SubscriptionPackage::id,
            "name", SubscriptionPackage::name, "alternative_code", SubscriptionPackage::alternativeCode);
    public static final CatalogueKind<User> USER = of("user", User.class, User::username,
            "id", User::id, "username", User::username);
    public static final CatalogueKind<Competitor> COMPETITOR = of("competitor", Competitor.class, Competitor::name,
            "id", Competitor::id, "name", Competitor::name);
    public static final CatalogueKind<Product> PRODUCT = of("product", Product.class, Product::code,
            "id", Product::id, "code", Product::code, "alternative_code", Product::alternativeCode);
    public static final CatalogueKind<ProductType> PRODUCT_TYPE = of("product type", ProductType.class,
            ProductType::name,
            "id", ProductType::id, "name", ProductType::name, "alternative_code", ProductType::alternativeCode);
    public static final CatalogueKind<ProductBrand> PRODUCT_BRAND = of("product brand", ProductBrand.class,
            ProductBrand::name,
            "id", ProductBrand::id, "name", ProductBrand::name, "alternative_code", ProductBrand::alternativeCode);
    public static final CatalogueKind<ProductFamily> PRODUCT_FAMILY = of("product family", ProductFamily.class,
            ProductFamily::name, "id", ProductFamily::id, "name", ProductFamily::name, "code", ProductFamily::code);
    public static final CatalogueKind<Communication> COMMUNICATION = of("communication", Communication.class,
            Communication::number, "id", Communication::id, "number", Communication::number);
    /** CRM.COM pages write the address type both as {@code TYPE} and {@code type}. */
    public static final CatalogueKind<Address> ADDRESS = of("address", Address.class, Address::type,
            "id", Address::id, "type", Address::type, "TYPE", Address::type);

    private static <T extends CatalogueEntry> CatalogueKind<T> of(String kindName, Class<T> type,
                                                                 Function<T, String> label,
                                                                 String first, Function<T, String> firstField,
                                                                 String second, Function<T, String> secondField) {
        return new CatalogueKind<>(kindName, type, label, Map.of(first, firstField, second, secondField));
    }

    private static <T extends CatalogueEntry> CatalogueKind<T> of(String kindName, Class<T> type,
                                                                 Function<T, String> label,
                                                                 String first, Function<T, String> firstField,
                                                                 String second, Function<T, String> secondField,
                                                                 String third, Function<T, String> thirdField) {
        return new CatalogueKind<>(kindName, type, label,
                Map.of(first, firstField, second, secondField, third, thirdField));
    }

    /** The kind whose entities are of {@code type}. */
    public static CatalogueKind<?> of(Class<?> type) {
        return Stream.of(STATUS, LOST_REASON, CATEGORY, TYPE, CONTACT, ACCOUNTS_RECEIVABLE, UNIT, GROUP, PRIVACY_LEVEL,
                        SUBSCRIPTION_PACKAGE, USER, COMPETITOR, PRODUCT, PRODUCT_TYPE, PRODUCT_BRAND, PRODUCT_FAMILY,
                        COMMUNICATION, ADDRESS)
                .filter(kind -> kind.type() == type)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind of entity is " + type.getSimpleName()));
    }

    public String fieldList() {
        return String.join(", ", fields.keySet().stream().sorted().toList());
    }
}
