package com.crm.leads.app.catalogue;

import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.auth.Tokens;
import com.crm.leads.app.config.JsonConfiguration;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.Envelope;
import com.crm.leads.app.web.ErrorCode;
import com.crm.leads.app.web.QueryParameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reference catalogue over HTTP: each kind listed page by page, its entries created, changed, deactivated and
 * activated, its history, and a whole catalogue imported. Entries are written as the list shows them, with
 * {@code active}; a contact's identity data only to an administrator ({@link com.crm.leads.app.auth.PersonalData}).
 */
@RestController
@RequestMapping("/crmapi/rest/v2/catalogue")
class CatalogueController {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;

    private final StoredCatalogue catalogue;
    private final CatalogueChanges changes;
    private final Tokens tokens;
    private final ObjectMapper json;

    CatalogueController(StoredCatalogue catalogue, CatalogueChanges changes, Tokens tokens, ObjectMapper json) {
        this.catalogue = catalogue;
        this.changes = changes;
        this.tokens = tokens;
        this.json = json;
    }

    @GetMapping("/{kind}")
    Envelope<List<JsonNode>> list(@PathVariable String kind,
                                  @RequestParam(required = false) String token,
                                  @RequestParam(name = "search_value", required = false) String searchValue,
                                  @RequestParam(name = "include_inactive", required = false) String includeInactive,
                                  @RequestParam(name = "fields_set", required = false) String fieldsSet,
                                  @RequestParam(required = false) String page,
                                  @RequestParam(name = "records_per_page", required = false) String size,
                                  HttpServletRequest request) {
        tokens.authenticate(token);
        QueryParameters.allowOnly(request, Set.of("token", "search_value", "include_inactive", "fields_set", "page",
                "records_per_page"));
        StoredKind<?, ?> stored = CatalogueChanges.kind(kind);
        Set<String> fields = fieldsSet(stored, fieldsSet);
        QueryParameters.Page paging = QueryParameters.page(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        StoredCatalogue.Listed listed = catalogue.list(stored, searchValue,
                QueryParameters.flag("include_inactive", includeInactive, false),
                paging.number(), paging.size());
        return Envelope.page(listed.entries().stream().map(entry -> {
                    ObjectNode shown = shown(stored, entry);
                    return (JsonNode) (fields.isEmpty() ? shown : shown.retain(fields));
                }).toList(),
                new Envelope.Paging(paging.number(), paging.size(), listed.total()));
    }

    @PostMapping(path = "/{kind}/create", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<JsonNode> create(@PathVariable String kind, @RequestBody ObjectNode body) {
        Actor actor = tokens.authenticate(body.path("token").textValue());
        StoredKind<?, ?> stored = changes.changeable(kind, actor);
        return answer(stored, changes.create(stored, body, actor));
    }

    @PostMapping(path = "/{kind}/update", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<JsonNode> update(@PathVariable String kind, @RequestBody ObjectNode body) {
        Actor actor = tokens.authenticate(body.path("token").textValue());
        StoredKind<?, ?> stored = changes.changeable(kind, actor);
        return answer(stored, changes.update(stored, body, actor));
    }

    @PostMapping(path = "/{kind}/deactivate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<JsonNode> deactivate(@PathVariable String kind, @RequestBody ObjectNode body) {
        return activation(kind, body, false);
    }

    @PostMapping(path = "/{kind}/activate", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<JsonNode> activate(@PathVariable String kind, @RequestBody ObjectNode body) {
        return activation(kind, body, true);
    }

    private Envelope<JsonNode> activation(String kind, ObjectNode body, boolean active) {
        Actor actor = tokens.authenticate(body.path("token").textValue());
        StoredKind<?, ?> stored = changes.changeable(kind, actor);
        return answer(stored, changes.setActive(stored, body, active, actor));
    }

    /** Who changed the entry {@code identifier} names, what, and when, oldest first; written like leads' history. */
    @GetMapping("/{kind}/history")
    Envelope<List<Map<String, Object>>> history(@PathVariable String kind,
                                                @RequestParam(required = false) String token,
                                                @RequestParam(required = false) String identifier,
                                                @RequestParam(required = false) String page,
                                                @RequestParam(name = "records_per_page", required = false) String size,
                                                HttpServletRequest request) {
        tokens.authenticate(token);
        QueryParameters.allowOnly(request, Set.of("token", "identifier", "page", "records_per_page"));
        StoredKind<?, ?> stored = CatalogueChanges.kind(kind);
        if (identifier == null) {
            throw ApiException.invalidParameter("identifier", "identifier is mandatory, written like id=... or name=...");
        }
        QueryParameters.Page paging = QueryParameters.page(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        CatalogueRows.Changes history = changes.history(stored, QueryParameters.identifier(identifier), paging.number(),
                paging.size());
        return Envelope.page(history.rows().stream().map(row -> change(stored, row)).toList(),
                new Envelope.Paging(paging.number(), paging.size(), history.total()));
    }

    record ImportRequest(String token, CatalogueFile catalogue) {
    }

    /** A whole catalogue in the file's format, taken into the running service: how many entries of each kind. */
    @PostMapping(path = "/import", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<Map<String, Integer>> importCatalogue(@RequestBody ImportRequest request) {
        Actor actor = tokens.authenticate(request.token());
        if (!actor.administrator()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "token", "only an administrator imports a catalogue");
        }
        if (request.catalogue() == null) {
            throw ApiException.invalidParameter("catalogue", "catalogue is mandatory");
        }
        return Envelope.ok(changes.importCatalogue(request.catalogue(), actor));
    }

    private Envelope<JsonNode> answer(StoredKind<?, ?> kind, Object entry) {
        StoredCatalogue.Stored now = catalogue.stored(kind.name(), ((ObjectNode) entry).path("id").asText())
                .orElseThrow();
        return Envelope.ok(shown(kind, now));
    }

    /** An entry as the wire writes it (which withholds what the caller may not see), with whether it is active. */
    private ObjectNode shown(StoredKind<?, ?> kind, StoredCatalogue.Stored entry) {
        ObjectNode shown = json.valueToTree(StoredCatalogue.parse(entry.entry(), kind.stored()));
        shown.put("active", entry.active());
        return shown;
    }

    private Map<String, Object> change(StoredKind<?, ?> kind, CatalogueRows.Change row) {
        Map<String, Object> written = new LinkedHashMap<>();
        written.put("sequence_number", row.sequenceNumber());
        written.put("event", row.event());
        written.put("field", row.field());
        written.put("old_value", value(kind, row.field(), row.oldValue()));
        written.put("new_value", value(kind, row.field(), row.newValue()));
        written.put("performed_by_user", Optional.ofNullable(row.userId())
                .flatMap(id -> catalogue.find(User.class, id)).orElse(null));
        written.put("performed_by_unit", Optional.ofNullable(row.unitId())
                .flatMap(id -> catalogue.find(Unit.class, id)).orElse(null));
        written.put("performed_date", row.performedDate());
        written.put("request_id", row.requestId());
        return written;
    }

    /**
     * A value of the history as the wire writes the field it belongs to, so what the caller may not see of it (a
     * contact's identity) is withheld here as on the entry itself.
     */
    private Object value(StoredKind<?, ?> kind, String field, String stored) {
        if (stored == null) {
            return null;
        }
        try {
            JsonNode value = StoredCatalogue.STORED.readTree(stored);
            Optional<RecordComponent> component = Arrays.stream(kind.stored().getRecordComponents())
                    .filter(candidate -> snake(candidate.getName()).equals(field))
                    .findFirst();
            if (component.isEmpty() || value.isValueNode()) {
                return value;
            }
            return json.valueToTree(StoredCatalogue.STORED.convertValue(value,
                    json.constructType(component.get().getGenericType())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored value of the catalogue's history could not be read", e);
        }
    }

    private static String snake(String name) {
        return JsonConfiguration.CRM_NAMING.translate(name);
    }

    private Set<String> fieldsSet(StoredKind<?, ?> kind, String fieldsSet) {
        if (fieldsSet == null || fieldsSet.isBlank()) {
            return Set.of();
        }
        Set<String> known = new LinkedHashSet<>();
        Arrays.stream(kind.stored().getRecordComponents()).map(component -> snake(component.getName()))
                .forEach(known::add);
        known.add("active");
        Set<String> names = new LinkedHashSet<>();
        for (String name : fieldsSet.split(",")) {
            String field = name.trim();
            if (!known.contains(field)) {
                throw ApiException.invalidParameter("fields_set", "fields_set names " + (field.isEmpty()
                        ? "an empty field" : field + ", which is not a field of the " + kind.name()));
            }
            names.add(field);
        }
        return names;
    }
}
