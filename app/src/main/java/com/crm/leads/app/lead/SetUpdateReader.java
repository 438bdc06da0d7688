package com.crm.leads.app.lead;

import com.crm.leads.api.CrmIds;
import com.crm.leads.api.LeadSet;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetMember;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.catalogue.Product;
import com.crm.leads.api.command.SetEntry;
import com.crm.leads.api.command.SetUpdate;
import com.crm.leads.app.catalogue.CatalogueKind;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.config.InputLimits;
import com.crm.leads.app.lead.LeadParameters.ClassifiedProductEntry;
import com.crm.leads.app.lead.LeadParameters.CompetitorEntry;
import com.crm.leads.app.lead.LeadParameters.ProductEntry;
import com.crm.leads.app.lead.LeadParameters.SetEntryParameters;
import com.crm.leads.app.lead.LeadParameters.UserEntry;
import com.crm.leads.app.web.ApiException;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the set parameters (competitors, users, products, and the deprecated services, physical goods and
 * subscription packages) into set updates: each entry's action, its member resolved against the catalogue, and a
 * fresh row id for each add.
 */
@Component
class SetUpdateReader {

    private static final Map<String, CatalogueKind<?>> PRODUCT_KINDS = Map.of(
            "product_identifier", CatalogueKind.PRODUCT,
            "product_type_identifier", CatalogueKind.PRODUCT_TYPE,
            "product_brand_identifier", CatalogueKind.PRODUCT_BRAND,
            "product_family_identifier", CatalogueKind.PRODUCT_FAMILY);

    private final IdentifierResolver identifiers;
    private final InputLimits limits;

    SetUpdateReader(IdentifierResolver identifiers, InputLimits limits) {
        this.identifiers = identifiers;
        this.limits = limits;
    }

    private enum Action { ADD, REMOVE }

    /** The set updates of a call, and the parameter each came from, in the same order. */
    record SetUpdates(List<SetUpdate> updates, List<String> parameters) {
    }

    SetUpdates updates(LeadParameters request) {
        checkCount(request);
        if (request.productsSet != null && request.leadProductsSet != null) {
            throw ApiException.invalidParameter("lead_products_set",
                    "lead_products_set is another name for products_set: send one of them");
        }
        SetUpdates updates = new SetUpdates(new ArrayList<>(), new ArrayList<>());
        read(updates, LeadSet.COMPETITORS, "competitors_set", request.competitorsSet, this::competitor);
        read(updates, LeadSet.USERS, "users_set", request.usersSet, this::user);
        read(updates, LeadSet.PRODUCTS, "products_set", request.productsSet, this::product);
        read(updates, LeadSet.PRODUCTS, "lead_products_set", request.leadProductsSet, this::product);
        read(updates, LeadSet.PRODUCTS, "services_set", request.servicesSet,
                (path, action, entry) -> classified(path, action, entry, "SERVICES"));
        read(updates, LeadSet.PRODUCTS, "physical_goods_set", request.physicalGoodsSet,
                (path, action, entry) -> classified(path, action, entry, "PHYSICAL_GOODS"));
        read(updates, LeadSet.PRODUCTS, "subscription_packages", request.subscriptionPackages,
                (path, action, entry) -> classified(path, action, entry, "SUBSCRIPTION_PACKAGES"));
        return new SetUpdates(List.copyOf(updates.updates()), List.copyOf(updates.parameters()));
    }

    /** All sets together carry at most the limit's entries; the set whose entries pass it is named. */
    private void checkCount(LeadParameters request) {
        Map<String, Optional<? extends List<?>>> sets = new LinkedHashMap<>();
        sets.put("competitors_set", request.competitorsSet);
        sets.put("users_set", request.usersSet);
        sets.put("products_set", request.productsSet);
        sets.put("lead_products_set", request.leadProductsSet);
        sets.put("services_set", request.servicesSet);
        sets.put("physical_goods_set", request.physicalGoodsSet);
        sets.put("subscription_packages", request.subscriptionPackages);
        int entries = 0;
        for (Map.Entry<String, Optional<? extends List<?>>> set : sets.entrySet()) {
            entries += set.getValue() == null ? 0 : set.getValue().map(List::size).orElse(0);
            if (entries > limits.setEntries()) {
                throw ApiException.invalidParameter(set.getKey(), "a call carries at most " + limits.setEntries()
                        + " set entries in all its sets together");
            }
        }
    }

    /** Reads one kind of entry into a set entry, given the entry's path and its action. */
    private interface EntryReader<E> {
        SetEntry read(String path, Action action, E entry);
    }

    private static <E extends SetEntryParameters> void read(SetUpdates updates, LeadSet set, String parameter,
                                                            Optional<List<E>> entries, EntryReader<E> reader) {
        if (entries == null) {
            return;
        }
        updates.parameters().add(parameter);
        if (entries.isEmpty()) {
            updates.updates().add(SetUpdate.emptied(set));
            return;
        }
        List<SetEntry> read = new ArrayList<>();
        for (int index = 0; index < entries.get().size(); index++) {
            String path = parameter + "[" + index + "]";
            E entry = entries.get().get(index);
            read.add(reader.read(path, action(path, entry.action(), set), entry));
        }
        updates.updates().add(SetUpdate.of(set, read));
    }

    private static Action action(String path, String action, LeadSet set) {
        String normalised = action == null ? "" : action.toUpperCase(Locale.ROOT);
        return switch (normalised) {
            case "ADD" -> Action.ADD;
            case "REMOVE" -> Action.REMOVE;
            case "UPDATE" -> throw ApiException.invalidParameter(path + ".action", "rows of " + LeadWireNames.set(set)
                    + " have nothing to update: add or remove them");
            default -> throw ApiException.invalidParameter(path + ".action", path + ".action must be add or remove");
        };
    }

    private SetEntry competitor(String path, Action action, CompetitorEntry entry) {
        return entry(path, action, entry.competitorIdentifier(), entry.leadCompetitorIdentifier(),
                "competitor_identifier", identifier -> SetMember.competitor(action == Action.ADD
                        ? identifiers.reference(path + ".competitor_identifier", identifier, CatalogueKind.COMPETITOR)
                        : identifiers.held(path + ".competitor_identifier", identifier, CatalogueKind.COMPETITOR)));
    }

    private SetEntry user(String path, Action action, UserEntry entry) {
        return entry(path, action, entry.userIdentifier(), entry.leadUserIdentifier(), "user_identifier",
                identifier -> SetMember.user(action == Action.ADD
                        ? identifiers.reference(path + ".user_identifier", identifier, CatalogueKind.USER)
                        : identifiers.held(path + ".user_identifier", identifier, CatalogueKind.USER)));
    }

    /**
     * Competitors and users: an add names the member; a remove names it inside the row identifier
     * ({@code lead_competitor_identifier.competitor_identifier}) or gives the row's {@code id}.
     */
    private SetEntry entry(String path, Action action, JsonNode member, JsonNode row, String memberField,
                           Function<JsonNode, SetMember> resolve) {
        String rowField = "lead_" + memberField.replace("_identifier", "") + "_identifier";
        if (action == Action.ADD) {
            if (member == null || row != null) {
                throw ApiException.invalidParameter(path, path + " adds with " + memberField + " only");
            }
            return new SetEntry.Add(new SetRow(CrmIds.random(), resolve.apply(member)));
        }
        if (member != null || row == null) {
            throw ApiException.invalidParameter(path, path + " removes with " + rowField + " only");
        }
        String field = oneOf(path + "." + rowField, row, Set.of("id", memberField));
        if (field.equals("id")) {
            return new SetEntry.RemoveRow(row.get("id").asText());
        }
        return new SetEntry.RemoveMember(resolve.apply(row.get(memberField)));
    }

    /** A product entry names exactly one of a product, a product type, a brand or a family; or a row by id. */
    private SetEntry product(String path, Action action, ProductEntry entry) {
        String parameter = path + ".lead_product_identifier";
        Set<String> kinds = action == Action.REMOVE
                ? Set.of("id", "product_identifier", "product_type_identifier", "product_brand_identifier",
                "product_family_identifier")
                : PRODUCT_KINDS.keySet();
        JsonNode identifier = entry.leadProductIdentifier();
        String kind = oneOf(parameter, identifier, kinds);
        if (kind.equals("id")) {
            return new SetEntry.RemoveRow(identifier.get("id").asText());
        }
        SetMember member = productMember(parameter + "." + kind, kind, identifier.get(kind), action);
        return action == Action.ADD ? new SetEntry.Add(new SetRow(CrmIds.random(), member))
                : new SetEntry.RemoveMember(member);
    }

    /**
     * The one field a row identifier gives: a row {@code id} (text), or the member's identifier (an object).
     * Anything else is {@code INVALID_IDENTIFIER}.
     */
    private static String oneOf(String parameter, JsonNode identifier, Set<String> fields) {
        return IdentifierResolver.onlyField(parameter, identifier, fields,
                (field, value) -> field.equals("id") ? value.isTextual() : value.isObject(),
                "must name exactly one of: " + String.join(", ", fields.stream().sorted().toList())).getKey();
    }

    private SetMember productMember(String parameter, String kind, JsonNode identifier, Action action) {
        SetMember.Kind memberKind = SetMember.Kind.valueOf(kind.replace("_identifier", "").toUpperCase(Locale.ROOT));
        return new SetMember(memberKind, action == Action.ADD
                ? identifiers.reference(parameter, identifier, PRODUCT_KINDS.get(kind))
                : identifiers.held(parameter, identifier, PRODUCT_KINDS.get(kind)));
    }

    /** A deprecated set's entry: a product of the set's classification, added or removed from the products. */
    private SetEntry classified(String path, Action action, ClassifiedProductEntry entry, String classification) {
        Product product = identifiers.resolve(path + ".product_identifier", entry.productIdentifier(),
                CatalogueKind.PRODUCT);
        if (!classification.equals(product.classification())) {
            throw ApiException.invalidParameter(path + ".product_identifier", "product " + product.code()
                    + " is classified " + product.classification() + ", not " + classification);
        }
        SetMember member = new SetMember(SetMember.Kind.PRODUCT, new Reference(product.id(), product.code()));
        return action == Action.ADD ? new SetEntry.Add(new SetRow(CrmIds.random(), member))
                : new SetEntry.RemoveMember(member);
    }
}
