package com.crm.leads.app.catalogue;

import com.crm.leads.api.catalogue.Catalogue;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.app.auth.Passwords;
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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The reference catalogue, kept in the database ({@code catalogue_entry}, migration 13) and shared by every instance
 * on it. On the first start against an empty catalogue the file {@code leads.catalogue} names is imported; later
 * starts do not read it. Kinds are named as the API lists them ({@code statuses}, ...).
 *
 * <p>Entries are read by id or by an identifying field, each one index seek, and kept in memory between calls: a
 * lead's rendering reads a dozen of them. What is kept is keyed by its kind's revision ({@code catalogue_revision},
 * migration 14), which every change raises in its own transaction; {@link #refresh()} reads the revisions at the
 * start of every call, so a change committed on any instance before a call began is what that call sees.
 */
@Component
public class StoredCatalogue implements Catalogue {

    private static final Logger log = LoggerFactory.getLogger(StoredCatalogue.class);

    /** The entries' stored form: the catalogue file's, and never the wire format's, which withholds what it may. */
    static final ObjectMapper STORED = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .findAndAddModules()
            .build();

    /** An entry as stored: its JSON and whether it is active. */
    record Stored(String entry, boolean active) {
    }

    private record Key(String kind, long revision, String id) {
    }

    private record KindAt(String kind, long revision) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final List<CatalogueFile.SeedLead> seedLeadsImported;
    private final Map<String, Long> revisions = new ConcurrentHashMap<>();
    private final Cache<Key, Optional<Stored>> entries = Caffeine.newBuilder().maximumSize(100_000).build();
    private final Cache<KindAt, List<Stored>> kinds = Caffeine.newBuilder().maximumSize(1_000).build();

    public StoredCatalogue(JdbcTemplate jdbc, TransactionTemplate transactions, LeadsProperties properties,
                           ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.seedLeadsImported = importOnFirstStart(properties, json, clock.instant());
        refresh();
    }

    /** Reads every kind's revision: what a call sees of the catalogue is then no older than its start. */
    public void refresh() {
        jdbc.query("SELECT kind, revision FROM catalogue_revision",
                (RowCallbackHandler) rs -> seen(rs.getString(1), rs.getLong(2)));
    }

    /** A revision of {@code kind} this instance read or wrote; revisions only go up. */
    void seen(String kind, long revision) {
        revisions.merge(kind, revision, Math::max);
    }

    @Override
    public <T extends CatalogueEntry> List<T> all(Class<T> type) {
        StoredKind<?, T> kind = StoredKind.shownAs(type);
        return entriesOf(kind.name()).stream().map(stored -> shown(kind, stored.entry())).toList();
    }

    @Override
    public <T extends CatalogueEntry> Optional<T> find(Class<T> type, String id) {
        StoredKind<?, T> kind = StoredKind.shownAs(type);
        return stored(kind.name(), id).map(stored -> shown(kind, stored.entry()));
    }

    /** An entry by id, active or not, and whether it is. */
    <T extends CatalogueEntry> Optional<Found<T>> found(Class<T> type, String id) {
        StoredKind<?, T> kind = StoredKind.shownAs(type);
        return stored(kind.name(), id).map(stored -> new Found<>(shown(kind, stored.entry()), stored.active()));
    }

    /** The entries of {@code type} whose identifying {@code field} (of section 3, not the id) is {@code value}. */
    <T extends CatalogueEntry> List<Found<T>> findBy(Class<T> type, String field, String value) {
        StoredKind<?, T> kind = StoredKind.shownAs(type);
        return jdbc.query("SELECT entry, active FROM catalogue_entry WHERE kind = ? AND " + StoredKind.column(field)
                        + " = ? ORDER BY id", (rs, row) -> new Found<>(shown(kind, rs.getString(1)), rs.getBoolean(2)),
                kind.name(), value);
    }

    /** An entry an identifier found, and whether it is active. */
    record Found<T>(T entry, boolean active) {
    }

    /** An entry as stored, by its kind's API name, active or not. */
    Optional<Stored> stored(String kind, String id) {
        return entries.get(new Key(kind, revisionOf(kind), id), key -> current(kind, id));
    }

    /**
     * An entry as the database has it now, not kept: what a change reads in its own transaction, which may hold
     * writes not yet committed (or never to be) that no other call may be shown.
     */
    Optional<Stored> current(String kind, String id) {
        return jdbc.query("SELECT entry, active FROM catalogue_entry WHERE kind = ? AND id = ?",
                (rs, row) -> new Stored(rs.getString(1), rs.getBoolean(2)), kind, id).stream().findFirst();
    }

    /** One page of a kind's entries, by id, with how many there are in all. */
    record Listed(List<Stored> entries, long total) {
    }

    /**
     * @param search part of an entry's name, code or username, in any letter case; null for every entry
     */
    Listed list(StoredKind<?, ?> kind, String search, boolean includeInactive, int page, int size) {
        StringBuilder where = new StringBuilder(" FROM catalogue_entry WHERE kind = ?");
        List<Object> arguments = new ArrayList<>(List.of(kind.name()));
        if (!includeInactive) {
            where.append(" AND active");
        }
        if (search != null && !search.isEmpty()) {
            String pattern = "%" + search.toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%";
            where.append(" AND (");
            List<String> columns = List.of("name", "code", "alternative_code", "number", "username");
            where.append(String.join(" OR ", columns.stream().map(column -> "LOWER(" + column + ") LIKE ? ESCAPE '\\'")
                    .toList())).append(")");
            columns.forEach(column -> arguments.add(pattern));
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, Long.class, arguments.toArray());
        List<Stored> found = jdbc.query("SELECT entry, active" + where + " ORDER BY id OFFSET "
                        + (long) (page - 1) * size + " ROWS FETCH NEXT " + size + " ROWS ONLY",
                (rs, row) -> new Stored(rs.getString(1), rs.getBoolean(2)), arguments.toArray());
        return new Listed(found, total);
    }

    public String organisation() {
        return jdbc.queryForObject("SELECT name FROM catalogue_organisation", String.class);
    }

    /** A user by id, active or not; their password hash is {@code Passwords}'. */
    public Optional<UserEntry> user(String id) {
        return stored("users", id).map(stored -> parse(stored.entry(), UserEntry.class));
    }

    /** Whether the user {@code id} exists and is active: only they sign in and use tokens. */
    public boolean activeUser(String id) {
        return stored("users", id).map(Stored::active).orElse(false);
    }

    /** The active user of that username, if any: an inactive one does not sign in. */
    public Optional<UserEntry> userNamed(String username) {
        return jdbc.queryForList("SELECT entry FROM catalogue_entry WHERE kind = 'users' AND username = ? AND active",
                String.class, username).stream().findFirst().map(entry -> parse(entry, UserEntry.class));
    }

    /** The seed leads of the catalogue file this start imported; none when the catalogue was there already. */
    public List<CatalogueFile.SeedLead> seedLeadsImported() {
        return seedLeadsImported;
    }

    private long revisionOf(String kind) {
        return revisions.getOrDefault(kind, 0L);
    }

    private List<Stored> entriesOf(String kind) {
        return kinds.get(new KindAt(kind, revisionOf(kind)), key -> jdbc.query(
                "SELECT entry, active FROM catalogue_entry WHERE kind = ? ORDER BY id",
                (rs, row) -> new Stored(rs.getString(1), rs.getBoolean(2)), kind));
    }

    private static <S, T extends CatalogueEntry> T shown(StoredKind<S, T> kind, String entry) {
        return kind.toShown().apply(parse(entry, kind.stored()));
    }

    /**
     * Imports the catalogue file when the database has no catalogue yet. Two instances starting at once on a new
     * database both try; the organisation's row, written first, lets one through, and the other finds the
     * catalogue imported when its insert fails.
     */
    private List<CatalogueFile.SeedLead> importOnFirstStart(LeadsProperties properties, ObjectMapper json,
                                                            Instant now) {
        if (imported()) {
            return List.of();
        }
        CatalogueFile file = CatalogueFile.read(properties.catalogue(), json);
        try {
            transactions.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO catalogue_organisation (name) VALUES (?)", file.organisation());
                CatalogueRows rows = new CatalogueRows(jdbc);
                CatalogueRows.Author importer = new CatalogueRows.Author(null, null, now, null);
                for (StoredKind<?, ?> kind : StoredKind.ALL) {
                    List<?> entries = kind.inFile().apply(file);
                    for (Object entry : entries == null ? List.of() : entries) {
                        rows.write(kind, null, true, STORED.valueToTree(entry), true, false, importer);
                    }
                }
                if (file.users() != null) {
                    file.users().forEach(user -> Passwords.importHash(jdbc, user.id(), user.passwordHash(),
                            Timestamp.from(now)));
                }
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

    static <S> S parse(String entry, Class<S> type) {
        try {
            return STORED.readValue(entry, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + type.getSimpleName() + " could not be read", e);
        }
    }
}
