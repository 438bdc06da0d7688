package com.crm.leads.app.catalogue;

import com.crm.leads.api.Reference;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/** Finds the catalogue entity an identifier object names, or says precisely what is wrong with it. */
@Component
public class IdentifierResolver {

    private final StoredCatalogue catalogue;

    IdentifierResolver(StoredCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * The active entity an identifier object names, for a new reference to it: an inactive one is
     * {@code INVALID_PARAMETER}.
     *
     * @param parameter the identifier's path in the request, for the error's description
     */
    public <T extends CatalogueEntry> T resolve(String parameter, JsonNode identifier, CatalogueKind<T> kind) {
        return resolve(parameter, identifier, kind, entry -> true);
    }

    /** As {@link #resolve(String, JsonNode, CatalogueKind)}, among the entities {@code among} accepts only. */
    public <T extends CatalogueEntry> T resolve(String parameter, JsonNode identifier, CatalogueKind<T> kind,
                                                Predicate<T> among) {
        StoredCatalogue.Found<T> found = named(parameter, identifier, kind, among, true);
        if (!found.active()) {
            throw ApiException.invalidParameter(parameter, "the " + kind.kindName() + " "
                    + kind.label().apply(found.entry()) + " is inactive: it stays on the leads that have it, and "
                    + "no lead takes it anew");
        }
        return found.entry();
    }

    /** The entity an identifier object names, active or not: for a filter, or a row that is removed. */
    public <T extends CatalogueEntry> T find(String parameter, JsonNode identifier, CatalogueKind<T> kind) {
        return named(parameter, identifier, kind, entry -> true, false).entry();
    }

    /** The active entity an identifier object names, as events remember it: its id and its label. */
    public <T extends CatalogueEntry> Reference reference(String parameter, JsonNode identifier, CatalogueKind<T> kind) {
        return referenceTo(resolve(parameter, identifier, kind), kind);
    }

    /** As {@link #reference}, active or not: a set row being removed names what the lead holds. */
    public <T extends CatalogueEntry> Reference held(String parameter, JsonNode identifier, CatalogueKind<T> kind) {
        return referenceTo(find(parameter, identifier, kind), kind);
    }

    private static <T extends CatalogueEntry> Reference referenceTo(T entity, CatalogueKind<T> kind) {
        return new Reference(entity.id(), kind.label().apply(entity));
    }

    /**
     * The one entity an identifier names; with {@code activeFirst}, the one active entity if any is, as a name an
     * inactive entry had may be taken again. None is {@code NOT_FOUND}; several (a name two contacts share) is
     * {@code INVALID_IDENTIFIER}, as the identifier does not say which.
     */
    private <T extends CatalogueEntry> StoredCatalogue.Found<T> named(String parameter, JsonNode identifier,
                                                                     CatalogueKind<T> kind, Predicate<T> among,
                                                                     boolean activeFirst) {
        Map.Entry<String, String> field = identifyingField(parameter, identifier, kind.fields().keySet(),
                kind.fieldList());
        List<StoredCatalogue.Found<T>> named = (field.getKey().equals("id")
                ? catalogue.found(kind.type(), field.getValue()).stream().toList()
                : catalogue.findBy(kind.type(), field.getKey(), field.getValue()))
                .stream().filter(found -> among.test(found.entry())).toList();
        if (activeFirst && named.stream().anyMatch(StoredCatalogue.Found::active)) {
            named = named.stream().filter(StoredCatalogue.Found::active).toList();
        }
        if (named.size() > 1) {
            throw new ApiException(ErrorCode.INVALID_IDENTIFIER, parameter, "more than one " + kind.kindName()
                    + " has " + field.getKey() + " " + field.getValue() + ": the name is ambiguous, so name it by id");
        }
        return named.stream().findFirst().orElseThrow(() -> ApiException.referenceNotFound(parameter,
                "no " + kind.kindName() + " has " + field.getKey() + " " + field.getValue()));
    }

    /**
     * The one identifying field of an identifier object and its value as text. Any other shape (not an object,
     * no field, several, an unknown one, a value that is not a plain value) is {@code INVALID_IDENTIFIER}.
     */
    public static Map.Entry<String, String> identifyingField(String parameter, JsonNode identifier,
                                                             Set<String> known, String fieldList) {
        Map.Entry<String, JsonNode> field = onlyField(parameter, identifier, known,
                (name, value) -> value.isTextual() || value.isIntegralNumber(),
                "must be an object with exactly one of: " + fieldList);
        return Map.entry(field.getKey(), field.getValue().asText());
    }

    /**
     * The one field of an object, when {@code known} has its name and {@code fits} its value. Any other shape (not an
     * object, no field, several, an unknown one, a value that does not fit) is {@code INVALID_IDENTIFIER}, saying
     * what the parameter {@code must} be.
     */
    public static Map.Entry<String, JsonNode> onlyField(String parameter, JsonNode identifier, Set<String> known,
                                                        BiPredicate<String, JsonNode> fits, String must) {
        if (identifier != null && identifier.isObject() && identifier.size() == 1) {
            Map.Entry<String, JsonNode> field = identifier.properties().iterator().next();
            if (known.contains(field.getKey()) && fits.test(field.getKey(), field.getValue())) {
                return field;
            }
        }
        throw new ApiException(ErrorCode.INVALID_IDENTIFIER, parameter, parameter + " " + must);
    }
}
