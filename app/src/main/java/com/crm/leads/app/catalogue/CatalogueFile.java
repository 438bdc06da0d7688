package com.crm.leads.app.catalogue;

import com.crm.leads.api.catalogue.AccountsReceivable;
import com.crm.leads.api.catalogue.Address;
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
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.Resource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import java.util.List;

/** The catalogue file as written: every kind of entity, the users with their credentials, and the seed leads. */
public record CatalogueFile(
        String organisation,
        List<LeadStatus> statuses,
        List<LostReason> lostReasons,
        List<Category> categories,
        List<LeadType> types,
        List<Group> groups,
        List<Unit> units,
        List<CatalogueUser> users,
        List<Competitor> competitors,
        List<Product> products,
        List<ProductType> productTypes,
        List<ProductBrand> productBrands,
        List<ProductFamily> productFamilies,
        List<SubscriptionPackage> subscriptionPackages,
        List<PrivacyLevel> privacyLevels,
        List<Communication> communications,
        List<Contact> contacts,
        List<AccountsReceivable> accountsReceivable,
        List<Address> addresses,
        List<SeedLead> leads) {

    /**
     * A user who can sign in: the password is kept only as a slow hash. An administrator may also run the
     * service's maintenance methods (rebuilds, dead letters).
     */
    public record CatalogueUser(String id, String username, String personName, String email, String passwordHash,
                                List<String> unitIds, String defaultUnitId, boolean administrator) {
    }

    /** The catalogue file at {@code location}, read with the wire format's rules (snake_case, strict). */
    public static CatalogueFile read(Resource location, ObjectMapper json) {
        try (InputStream in = location.getInputStream()) {
            return json.readValue(in, CatalogueFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException("the catalogue " + location + " could not be read", e);
        }
    }

    /**
     * A lead that exists on a fresh start, created through the ordinary create path by {@code username} from
     * {@code create}, a {@code leads/create} body.
     */
    public record SeedLead(String id, String number, String username, ObjectNode create) {
    }
}
