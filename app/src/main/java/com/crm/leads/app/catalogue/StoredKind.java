package com.crm.leads.app.catalogue;

import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.api.catalogue.User;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A kind of the catalogue as it is kept: its API name ({@code statuses}), the type an entry is stored and listed as,
 * the kind identifier objects name it by, where the catalogue file has it, and whether any user may change it.
 *
 * @param <S> the type an entry is stored and listed as
 * @param <T> the type leads and identifiers see; the stored type itself but for users, who are stored with their
 *            units and shown on leads without them
 */
record StoredKind<S, T extends CatalogueEntry>(String name, Class<S> stored, CatalogueKind<T> identified,
                                               Function<CatalogueFile, List<S>> inFile, Function<S, T> toShown,
                                               boolean anyUserChanges) {

    /** The columns of {@code catalogue_entry} that the identifying fields of section 3 are kept in. */
    private static final Map<String, String> COLUMNS = Map.of("name", "name", "code", "code",
            "alternative_code", "alternative_code", "number", "number", "username", "username", "type", "address_type");

    static final List<StoredKind<?, ?>> ALL = List.of(
            admins("statuses", CatalogueKind.STATUS, CatalogueFile::statuses),
            admins("lost_reasons", CatalogueKind.LOST_REASON, CatalogueFile::lostReasons),
            admins("categories", CatalogueKind.CATEGORY, CatalogueFile::categories),
            admins("types", CatalogueKind.TYPE, CatalogueFile::types),
            admins("groups", CatalogueKind.GROUP, CatalogueFile::groups),
            admins("units", CatalogueKind.UNIT, CatalogueFile::units),
            new StoredKind<>("users", UserEntry.class, CatalogueKind.USER,
                    file -> file.users() == null ? null : file.users().stream().map(UserEntry::of).toList(),
                    user -> new User(user.id(), user.username(), user.personName(), user.email()), false),
            admins("competitors", CatalogueKind.COMPETITOR, CatalogueFile::competitors),
            admins("products", CatalogueKind.PRODUCT, CatalogueFile::products),
            admins("product_types", CatalogueKind.PRODUCT_TYPE, CatalogueFile::productTypes),
            admins("product_brands", CatalogueKind.PRODUCT_BRAND, CatalogueFile::productBrands),
            admins("product_families", CatalogueKind.PRODUCT_FAMILY, CatalogueFile::productFamilies),
            admins("subscription_packages", CatalogueKind.SUBSCRIPTION_PACKAGE, CatalogueFile::subscriptionPackages),
            admins("privacy_levels", CatalogueKind.PRIVACY_LEVEL, CatalogueFile::privacyLevels),
            anyUser("communications", CatalogueKind.COMMUNICATION, CatalogueFile::communications),
            anyUser("contacts", CatalogueKind.CONTACT, CatalogueFile::contacts),
            anyUser("accounts_receivable", CatalogueKind.ACCOUNTS_RECEIVABLE, CatalogueFile::accountsReceivable),
            anyUser("addresses", CatalogueKind.ADDRESS, CatalogueFile::addresses));

    private static <T extends CatalogueEntry> StoredKind<T, T> admins(String name, CatalogueKind<T> kind,
                                                                     Function<CatalogueFile, List<T>> inFile) {
        return new StoredKind<>(name, kind.type(), kind, inFile, Function.identity(), false);
    }

    private static <T extends CatalogueEntry> StoredKind<T, T> anyUser(String name, CatalogueKind<T> kind,
                                                                      Function<CatalogueFile, List<T>> inFile) {
        return new StoredKind<>(name, kind.type(), kind, inFile, Function.identity(), true);
    }

    static Optional<StoredKind<?, ?>> named(String name) {
        return ALL.stream().filter(kind -> kind.name().equals(name)).findFirst();
    }

    @SuppressWarnings("unchecked")
    static <T extends CatalogueEntry> StoredKind<?, T> shownAs(Class<T> type) {
        return (StoredKind<?, T>) ALL.stream().filter(kind -> kind.identified().type() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind of the catalogue is " + type.getSimpleName()));
    }

    /** The column an identifying field (not the id) is kept in; {@code TYPE} is the address type's other spelling. */
    static String column(String field) {
        String column = COLUMNS.get(field.equals("TYPE") ? "type" : field);
        if (column == null) {
            throw new IllegalArgumentException(field + " identifies no entry");
        }
        return column;
    }

    /** The identifying fields of this kind but its id, each once, as the entries write them. */
    Set<String> identifyingFields() {
        return identified.fields().keySet().stream().filter(field -> !field.equals("id") && !field.equals("TYPE"))
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The identifying fields no two active entries may share: the names and codes. Two people may share a name, and
     * an address type (HOME) is one of many contacts' addresses.
     */
    Set<String> uniqueFields() {
        return identifyingFields().stream()
                .filter(field -> !field.equals("type") && !(name.equals("contacts") && field.equals("name")))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The field every entry must have: the one events remember the entry by. */
    String labelField() {
        return switch (name) {
            case "users" -> "username";
            case "products" -> "code";
            case "communications" -> "number";
            case "addresses" -> "type";
            default -> "name";
        };
    }
}
