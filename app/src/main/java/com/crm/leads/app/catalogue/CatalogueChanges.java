package com.crm.leads.app.catalogue;

import com.crm.leads.api.CrmIds;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.query.StatusUsedQuery;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.auth.Passwords;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ApiExceptionHandler;
import com.crm.leads.app.web.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every change of the catalogue: create, update, deactivate, activate and import. Each is one transaction that
 * takes its kind's lock, checks the rules against the entries as they stand, writes the entry, its history and its
 * kind's revision, and answers the entry as the list shows it. Nothing is ever deleted.
 */
@Component
public class CatalogueChanges {

    private static final Pattern ID = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final Set<String> NOT_FIELDS = Set.of("token", "identifier");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final StoredCatalogue catalogue;
    private final IdentifierResolver identifiers;
    private final Passwords passwords;
    private final QueryGateway queries;
    private final ObjectMapper json;
    private final Clock clock;
    private final CatalogueRows rows;

    CatalogueChanges(JdbcTemplate jdbc, TransactionTemplate transactions, StoredCatalogue catalogue,
                     IdentifierResolver identifiers, Passwords passwords, QueryGateway queries, ObjectMapper json,
                     Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.catalogue = catalogue;
        this.identifiers = identifiers;
        this.passwords = passwords;
        this.queries = queries;
        this.json = json;
        this.clock = clock;
        this.rows = new CatalogueRows(jdbc);
    }

    /** The kind named {@code kindName} if {@code actor} may change it: {@code NOT_FOUND} or {@code FORBIDDEN} if not. */
    public StoredKind<?, ?> changeable(String kindName, Actor actor) {
        StoredKind<?, ?> kind = kind(kindName);
        if (!kind.anyUserChanges() && !actor.administrator()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "token", "only an administrator changes the " + kind.name()
                    + " of the catalogue");
        }
        return kind;
    }

    /** The kind of the catalogue the API names {@code kindName}, or {@code NOT_FOUND}. */
    public static StoredKind<?, ?> kind(String kindName) {
        return StoredKind.named(kindName).orElseThrow(() ->
                new ApiException(ErrorCode.NOT_FOUND, "kind", "the catalogue has no kind " + kindName));
    }

    /** A new entry of {@code kind} with the fields of {@code body}; its id is the body's, or a new one. */
    public Object create(StoredKind<?, ?> kind, ObjectNode body, Actor actor) {
        ObjectNode fields = fields(body);
        String password = password(kind, fields);
        JsonNode id = fields.get("id");
        if (id == null || id.isNull()) {
            fields.put("id", CrmIds.random());
        } else if (!id.isTextual() || !ID.matcher(id.textValue()).matches()) {
            throw ApiException.invalidParameter("id", "id must be 32 hexadecimal characters");
        } else {
            fields.put("id", id.textValue().toUpperCase(Locale.ROOT));
        }
        if (kind.name().equals("users") && password == null) {
            throw ApiException.invalidParameter(CatalogueRows.PASSWORD, "a new user needs a password");
        }
        ObjectNode entry = checked(kind, fields);
        return inTransaction(kind, author(actor), author -> {
            if (catalogue.current(kind.name(), entry.path("id").asText()).isPresent()) {
                throw ApiException.invalidParameter("id", "id " + entry.path("id").asText() + " is in use");
            }
            put(kind, null, true, entry, true, password, author);
            return entry;
        });
    }

    /** The entry {@code identifier} names, with the fields of {@code body} changed; absent is unchanged, null clears. */
    public Object update(StoredKind<?, ?> kind, ObjectNode body, Actor actor) {
        ObjectNode fields = fields(body);
        String password = password(kind, fields);
        if (fields.has("id")) {
            throw ApiException.invalidParameter("id", "an entry's id never changes; name the entry with identifier");
        }
        return inTransaction(kind, author(actor), author -> {
            StoredCatalogue.Stored before = named(kind, body.get("identifier"));
            ObjectNode merged = (ObjectNode) parse(before.entry());
            merged.setAll(fields);
            ObjectNode entry = checked(kind, merged);
            put(kind, (ObjectNode) parse(before.entry()), before.active(), entry, before.active(), password, author);
            return entry;
        });
    }

    /** Makes the entry {@code identifier} names active or not; an inactive user's tokens end. */
    public Object setActive(StoredKind<?, ?> kind, ObjectNode body, boolean active, Actor actor) {
        fields(body).fieldNames().forEachRemaining(field -> {
            throw ApiException.invalidParameter(field, field + " is not a parameter of this method");
        });
        return inTransaction(kind, author(actor), author -> {
            StoredCatalogue.Stored before = named(kind, body.get("identifier"));
            ObjectNode entry = (ObjectNode) parse(before.entry());
            if (before.active() != active) {
                put(kind, entry, before.active(), entry, active, null, author);
            }
            return entry;
        });
    }

    /**
     * Takes a catalogue in the file's format into the running service: entries matched by id, new ones added and
     * known ones written over, all in one transaction under every kind's lock. A user's password comes from the file
     * only for a user who has none yet, so an import never undoes a password changed since.
     */
    public Map<String, Integer> importCatalogue(CatalogueFile file, Actor actor) {
        CatalogueRows.Author author = author(actor);
        Map<String, Integer> counts = new LinkedHashMap<>();
        Map<String, Long> revisions = new HashMap<>();
        transactions.executeWithoutResult(status -> {
            StoredKind.ALL.forEach(kind -> revisions.put(kind.name(), rows.lock(kind.name())));
            for (StoredKind<?, ?> kind : StoredKind.ALL) {
                List<?> entries = kind.inFile().apply(file);
                int count = 0;
                for (Object entry : entries == null ? List.of() : entries) {
                    ObjectNode stored = StoredCatalogue.STORED.valueToTree(entry);
                    var before = catalogue.current(kind.name(), stored.path("id").asText());
                    put(kind, before.map(found -> (ObjectNode) parse(found.entry())).orElse(null),
                            before.map(StoredCatalogue.Stored::active).orElse(true), stored,
                            before.map(StoredCatalogue.Stored::active).orElse(true), null, author);
                    count++;
                }
                counts.put(kind.name(), count);
            }
            if (file.users() != null) {
                file.users().forEach(user -> passwords.importHash(user.id(), user.passwordHash()));
            }
        });
        revisions.forEach(catalogue::seen);
        return counts;
    }

    /** The history of the entry {@code identifier} names, active or not: a page of it, oldest first. */
    public CatalogueRows.Changes history(StoredKind<?, ?> kind, JsonNode identifier, int page, int size) {
        CatalogueEntry entry = identifiers.find("identifier", identifier, kind.identified());
        return rows.history(kind.name(), entry.id(), page, size);
    }

    private interface Change {
        ObjectNode apply(CatalogueRows.Author author);
    }

    /**
     * Runs {@code change} under its kind's lock, and only once it is committed lets this instance's calls see the
     * kind's new revision: what they keep of it until then is what was committed before.
     */
    private ObjectNode inTransaction(StoredKind<?, ?> kind, CatalogueRows.Author author, Change change) {
        Committed committed = transactions.execute(status -> {
            long revision = rows.lock(kind.name());
            return new Committed(revision, change.apply(author));
        });
        catalogue.seen(kind.name(), committed.revision());
        return committed.entry();
    }

    /** What a change's transaction leaves: its kind's new revision and the entry as written. */
    private record Committed(long revision, ObjectNode entry) {
    }

    private void put(StoredKind<?, ?> kind, ObjectNode before, boolean activeBefore, ObjectNode entry, boolean active,
                     String password, CatalogueRows.Author author) {
        String id = entry.path("id").asText();
        if (active) {
            for (String field : kind.uniqueFields()) {
                String value = entry.path(field).asText(null);
                List<String> holders = value == null ? List.of() : jdbc.queryForList("SELECT id FROM catalogue_entry "
                                + "WHERE kind = ? AND active AND " + StoredKind.column(field) + " = ? AND id <> ?",
                        String.class, kind.name(), value, id);
                if (!holders.isEmpty()) {
                    throw ApiException.invalidParameter(field, "the active " + kind.identified().kindName() + " "
                            + holders.get(0) + " has " + field + " " + value + " already");
                }
            }
        }
        if (before != null && kind.name().equals("statuses")
                && !before.path("life_cycle_state").equals(entry.path("life_cycle_state"))
                && queries.query(new StatusUsedQuery(id), Boolean.class).join()) {
            throw ApiException.invalidParameter("life_cycle_state", "status " + entry.path("name").asText()
                    + " is used by leads, so its classification stays " + before.path("life_cycle_state").asText());
        }
        rows.write(kind, before, activeBefore, entry, active, password != null, author);
        if (password != null) {
            passwords.change(id, password);
        }
        if (kind.name().equals("users") && !active) {
            jdbc.update("DELETE FROM access_token WHERE user_id = ?", id);
        }
    }

    /** The entry an identifier object names, active or not; a name several entries have is ambiguous. */
    private StoredCatalogue.Stored named(StoredKind<?, ?> kind, JsonNode identifier) {
        CatalogueEntry found = identifiers.find("identifier", identifier, kind.identified());
        return catalogue.current(kind.name(), found.id()).orElseThrow();
    }

    /**
     * The entry in its stored form, once the wire format's strict rules (no unknown field, every value of its type)
     * and the kind's own have passed it.
     */
    private ObjectNode checked(StoredKind<?, ?> kind, ObjectNode fields) {
        Object typed;
        try {
            typed = json.treeToValue(fields, kind.stored());
        } catch (JsonMappingException e) {
            throw ApiExceptionHandler.unfit(e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entry's fields could not be read", e);
        }
        ObjectNode entry = StoredCatalogue.STORED.valueToTree(typed);
        String label = kind.labelField();
        if (entry.path(label).asText("").isBlank()) {
            throw ApiException.invalidParameter(label, "a " + kind.identified().kindName() + " needs a " + label);
        }
        if (typed instanceof LeadStatus status && status.lifeCycleState() == null) {
            throw ApiException.invalidParameter("life_cycle_state", "a lead status needs a life_cycle_state, one of "
                    + Arrays.toString(LifeCycleState.values()));
        }
        if (typed instanceof UserEntry user) {
            checkUnits(user);
        }
        return entry;
    }

    private void checkUnits(UserEntry user) {
        if (user.unitIds() == null || user.unitIds().isEmpty()) {
            throw ApiException.invalidParameter("unit_ids", "a user belongs to at least one unit");
        }
        for (String unitId : user.unitIds()) {
            if (catalogue.find(Unit.class, unitId).isEmpty()) {
                throw ApiException.referenceNotFound("unit_ids", "no unit has id " + unitId);
            }
        }
        if (user.defaultUnitId() == null || !user.unitIds().contains(user.defaultUnitId())) {
            throw ApiException.invalidParameter("default_unit_id", "default_unit_id must be one of unit_ids");
        }
    }

    /** The body's entry fields: everything but the token and the identifier. */
    private static ObjectNode fields(ObjectNode body) {
        ObjectNode fields = body.deepCopy();
        fields.remove(NOT_FIELDS);
        return fields;
    }

    /** A user's new password, taken out of the fields: it is never part of the entry. */
    private static String password(StoredKind<?, ?> kind, ObjectNode fields) {
        if (!kind.name().equals("users") || !fields.has(CatalogueRows.PASSWORD)) {
            return null;
        }
        JsonNode password = fields.remove(CatalogueRows.PASSWORD);
        if (!password.isTextual()) {
            throw ApiException.invalidParameter(CatalogueRows.PASSWORD, "password must be text");
        }
        Passwords.checkNew(CatalogueRows.PASSWORD, password.textValue());
        return password.textValue();
    }

    private CatalogueRows.Author author(Actor actor) {
        return CatalogueRows.Author.of(actor.user().id(), actor.unit().id(), clock.instant());
    }

    private static JsonNode parse(String entry) {
        try {
            return StoredCatalogue.STORED.readTree(entry);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored entry could not be read", e);
        }
    }
}
