package com.crm.leads.app.catalogue;

import com.crm.leads.api.catalogue.AccountsReceivable;
import com.crm.leads.api.catalogue.Address;
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
import com.crm.leads.app.config.LeadsProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reference catalogue, read once at start from the file {@code leads.catalogue} names. Entities are listed by
 * the names the API uses for them ({@code statuses}, {@code lost_reasons}, ...).
 */
@Component
public class FileCatalogue implements Catalogue {

    private final CatalogueFile file;
    private final Map<String, List<? extends CatalogueEntry>> byKindName = new LinkedHashMap<>();
    private final Map<Class<?>, List<? extends CatalogueEntry>> byType = new LinkedHashMap<>();

    public FileCatalogue(LeadsProperties properties, ObjectMapper json) {
        try (InputStream in = properties.catalogue().getInputStream()) {
            this.file = json.readValue(in, CatalogueFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue " + properties.catalogue() + " could not be read", e);
        }
        register("statuses", LeadStatus.class, file.statuses());
        register("lost_reasons", LostReason.class, file.lostReasons());
        register("categories", Category.class, file.categories());
        register("types", LeadType.class, file.types());
        register("groups", Group.class, file.groups());
        register("units", Unit.class, file.units());
        register("users", User.class, users().stream()
                .map(user -> new User(user.id(), user.username(), user.personName(), user.email())).toList());
        register("competitors", Competitor.class, file.competitors());
        register("products", Product.class, file.products());
        register("product_types", ProductType.class, file.productTypes());
        register("product_brands", ProductBrand.class, file.productBrands());
        register("product_families", ProductFamily.class, file.productFamilies());
        register("subscription_packages", SubscriptionPackage.class, file.subscriptionPackages());
        register("privacy_levels", PrivacyLevel.class, file.privacyLevels());
        register("communications", Communication.class, file.communications());
        register("contacts", Contact.class, file.contacts());
        register("accounts_receivable", AccountsReceivable.class, file.accountsReceivable());
        register("addresses", Address.class, file.addresses());
    }

    private <T extends CatalogueEntry> void register(String kindName, Class<T> type, List<T> entries) {
        List<T> present = entries == null ? List.of() : List.copyOf(entries);
        byKindName.put(kindName, present);
        byType.put(type, present);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends CatalogueEntry> List<T> all(Class<T> kind) {
        return (List<T>) byType.getOrDefault(kind, List.of());
    }

    /** The entities of one kind by the name the API lists them under, if there is such a kind. */
    public Optional<List<? extends CatalogueEntry>> byKindName(String kindName) {
        return Optional.ofNullable(byKindName.get(kindName));
    }

    public String organisation() {
        return file.organisation();
    }

    public List<CatalogueFile.CatalogueUser> users() {
        return file.users() == null ? List.of() : file.users();
    }

    public List<CatalogueFile.SeedLead> seedLeads() {
        return file.leads() == null ? List.of() : file.leads();
    }
}
