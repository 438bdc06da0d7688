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
import com.crm.leads.app.catalogue.CatalogueFile.CatalogueUser;
import com.crm.leads.app.config.LeadsProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference catalogue, kept in the database ({@code catalogue_entry}, migration 13) and shared by every instance
 * on it. On the first start against an empty catalogue the file {@code leads.catalogue} names is imported; later
 * starts do not read it. Entities are listed by the names the API uses for them ({@code statuses}, ...).
 *
 * <p>Entries are read by id or by an identifying field, each one index seek, and kept in memory between calls: a
 * lead's rendering reads a dozen of them. Nothing changes the catalogue yet but its first import, which happens
 * before the service takes calls, so what is kept is never stale.
 */
@Component
public class StoredCatalogue implements Catalogue {

    private static final Logger log = LoggerFactory.getLogger(StoredCatalogue.class);

    /** The entries' stored form: the catalogue file's, and never the wire format's, which withholds what it may. */
    private static final ObjectMapper STORED = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .findAndAddModules()
            .build();

    /** Every kind: its API name, the type it is stored as, the type it is shown as, and where the file has it. */
    private static final List<Kind<?, ?>> KINDS = List.of(
            Kind.same("statuses", LeadStatus.class, CatalogueFile::statuses),
            Kind.same("lost_reasons", LostReason.class, CatalogueFile::lostReasons),
            Kind.same("categories", Category.class, CatalogueFile::categories),
            Kind.same("types", LeadType.class, CatalogueFile::types),
            Kind.same("groups", Group.class, CatalogueFile::groups),
            Kind.same("units", Unit.class, CatalogueFile::units),
            new Kind<>("users", CatalogueUser.class, User.class, CatalogueFile::users,
                    user -> new User(user.id(), user.username(), user.personName(), user.email())),
            Kind.same("competitors", Competitor.class, CatalogueFile::competitors),
            Kind.same("products", Product.class, CatalogueFile::products),
            Kind.same("product_types", ProductType.class, CatalogueFile::productTypes),
            Kind.same("product_brands", ProductBrand.class, CatalogueFile::productBrands),
            Kind.same("product_families", ProductFamily.class, CatalogueFile::productFamilies),
            Kind.same("subscription_packages", SubscriptionPackage.class, CatalogueFile::subscriptionPackages),
            Kind.same("privacy_levels", PrivacyLevel.class, CatalogueFile::privacyLevels),
            Kind.same("communications", Communication.class, CatalogueFile::communications),
            Kind.same("contacts", Contact.class, CatalogueFile::contacts),
            Kind.same("accounts_receivable", AccountsReceivable.class, CatalogueFile::accountsReceivable),
            Kind.same("addresses", Address.class, CatalogueFile::addresses));

    /** The column each identifying field of section 3 is kept in. */
    private static final Map<String, String> COLUMNS = Map.of("name", "name", "code", "code",
            "alternative_code", "alternative_code", "number", "number", "username", "username",
            "type", "address_type", "TYPE", "address_type");

    private record Kind<S, T extends CatalogueEntry>(String name, Class<S> stored, Class<T> shown,
                                                     Function<CatalogueFile, List<S>> inFile,
                                                     Function<S, T> toShown) {

        static <T extends CatalogueEntry> Kind<T, T> same(String name, Class<T> type,
                                                          Function<CatalogueFile, List<T>> inFile) {
            return new Kind<>(name, type, type, inFile, Function.identity());
        }

        T shownFrom(String entry) {
            return toShown.apply(parse(entry, stored));
        }
    }

    private record Key(String kind, String id) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final List<CatalogueFile.SeedLead> seedLeadsImported;
    private final Cache<Key, Optional<String>> entries = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Cache<String, List<String>> kinds = Caffeine.newBuilder().build();

    public StoredCatalogue(JdbcTemplate jdbc, TransactionTemplate transactions, LeadsProperties properties,
                           ObjectMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.seedLeadsImported = importOnFirstStart(properties, json);
    }

    @Override
    public <T extends CatalogueEntry> List<T> all(Class<T> type) {
        Kind<?, T> kind = kindShownAs(type);
        return entriesOf(kind.name()).stream().map(kind::shownFrom).toList();
    }

    @Override
    public <T extends CatalogueEntry> Optional<T> find(Class<T> type, String id) {
        Kind<?, T> kind = kindShownAs(type);
        return entry(kind.name(), id).map(kind::shownFrom);
    }

    /** The entries of {@code type} whose identifying {@code field} (of section 3, not the id) is {@code value}. */
    public <T extends CatalogueEntry> List<T> findBy(Class<T> type, String field, String value) {
        Kind<?, T> kind = kindShownAs(type);
        String column = COLUMNS.get(field);
        if (column == null) {
            throw new IllegalArgumentException(field + " identifies no entry");
        }
        return jdbc.queryForList("SELECT entry FROM catalogue_entry WHERE kind = ? AND " + column + " = ? ORDER BY id",
                String.class, kind.name(), value).stream().map(kind::shownFrom).toList();
    }

    /** The entities of one kind by the name the API lists them under, if there is such a kind. */
    public Optional<List<? extends CatalogueEntry>> byKindName(String kindName) {
        return KINDS.stream().filter(kind -> kind.name().equals(kindName)).findFirst()
                .map(kind -> entriesOf(kind.name()).stream().map(kind::shownFrom).toList());
    }

    public String organisation() {
        return jdbc.queryForObject("SELECT name FROM catalogue_organisation", String.class);
    }

    /** The users who can sign in, with their units; their password hashes are {@code Passwords}'. */
    public List<CatalogueUser> users() {
        return entriesOf("users").stream().map(entry -> parse(entry, CatalogueUser.class)).toList();
    }

    public Optional<CatalogueUser> user(String id) {
        return entry("users", id).map(entry -> parse(entry, CatalogueUser.class));
    }

    public Optional<CatalogueUser> userNamed(String username) {
        return jdbc.queryForList("SELECT entry FROM catalogue_entry WHERE kind = 'users' AND username = ?",
                String.class, username).stream().findFirst().map(entry -> parse(entry, CatalogueUser.class));
    }

    /** The seed leads of the catalogue file this start imported; none when the catalogue was there already. */
    public List<CatalogueFile.SeedLead> seedLeadsImported() {
        return seedLeadsImported;
    }

    private Optional<String> entry(String kind, String id) {
        return entries.get(new Key(kind, id), key -> jdbc.queryForList(
                "SELECT entry FROM catalogue_entry WHERE kind = ? AND id = ?", String.class, kind, id)
                .stream().findFirst());
    }

    private List<String> entriesOf(String kind) {
        return kinds.get(kind, name -> jdbc.queryForList(
                "SELECT entry FROM catalogue_entry WHERE kind = ? ORDER BY id", String.class, name));
    }

    /**
     * Imports the catalogue file when the database has no catalogue yet. Two instances starting at once on a new
     * database both try; the organisation's row, written first, lets one through, and the other finds the
     * catalogue imported when its insert fails.
     */
    private List<CatalogueFile.SeedLead> importOnFirstStart(LeadsProperties properties, ObjectMapper json) {
        if (imported()) {
            return List.of();
        }
        CatalogueFile file = CatalogueFile.read(properties.catalogue(), json);
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO catalogue_organisation (name) VALUES (?)", file.organisation());
                KINDS.forEach(kind -> insertAll(kind, file));
            });
        } catch (DataIntegrityViolationException importedByAnotherInstance) {
            if (!imported()) {
                throw importedByAnotherInstance;
            }
            return List.of();
        }
        log.info("Imported the catalogue {} into the database", properties.catalogue());
        return file.leads() == null ? List.of() : file.leads();
    }

    private boolean imported() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM catalogue_organisation", Integer.class) > 0;
    }

    private <S, T extends CatalogueEntry> void insertAll(Kind<S, T> kind, CatalogueFile file) {
        List<S> stored = kind.inFile().apply(file);
        for (S entry : stored == null ? List.<S>of() : stored) {
            if (entry instanceof CatalogueUser user) {
                // the hash is write-only: kept apart from the entry that lists, shows and records the user
                jdbc.update("INSERT INTO user_password (user_id, password_hash, changed_at) SELECT ?, ?, "
                        + "CURRENT_TIMESTAMP WHERE NOT EXISTS (SELECT 1 FROM user_password WHERE user_id = ?)",
                        user.id(), user.passwordHash(), user.id());
                entry = kind.stored().cast(new CatalogueUser(user.id(), user.username(), user.personName(),
                        user.email(), null, user.unitIds(), user.defaultUnitId(), user.administrator()));
            }
            T shown = kind.toShown().apply(entry);
            Map<String, String> identifying = identifyingColumns(shown);
            jdbc.update("INSERT INTO catalogue_entry (kind, id, active, entry, name, code, alternative_code, number, "
                            + "username, address_type) VALUES (?, ?, TRUE, ?, ?, ?, ?, ?, ?, ?)",
                    kind.name(), shown.id(), write(entry), identifying.get("name"), identifying.get("code"),
                    identifying.get("alternative_code"), identifying.get("number"), identifying.get("username"),
                    identifying.get("address_type"));
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends CatalogueEntry> Map<String, String> identifyingColumns(T entry) {
        CatalogueKind<T> kind = (CatalogueKind<T>) CatalogueKind.of(entry.getClass());
        Map<String, String> columns = new LinkedHashMap<>();
        kind.fields().forEach((field, accessor) -> {
            if (COLUMNS.containsKey(field)) {
                columns.put(COLUMNS.get(field), accessor.apply(entry));
            }
        });
        return columns;
    }

    @SuppressWarnings("unchecked")
    private static <T extends CatalogueEntry> Kind<?, T> kindShownAs(Class<T> type) {
        return (Kind<?, T>) KINDS.stream().filter(kind -> kind.shown() == type).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind of the catalogue is " + type.getSimpleName()));
    }

    private static <S> S parse(String entry, Class<S> type) {
        try {
            return STORED.readValue(entry, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " could not be read", e);
        }
    }

    private static String write(Object entry) {
        try {
            return STORED.writeValueAsString(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a " + entry.getClass().getSimpleName() + " could not be stored", e);
        }
    }
}
