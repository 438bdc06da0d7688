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
     * @param parameter the identifier's path in the request, for the error's description
     */
    public <T extends CatalogueEntry> T resolve(String parameter, JsonNode identifier, CatalogueKind<T> kind) {
        return resolve(parameter, identifier, kind, entry -> true);
    }

    /** As {@link #resolve(String, JsonNode, CatalogueKind)}, among the entities {@code among} accepts only. */
    public <T extends CatalogueEntry> T resolve(String parameter, JsonNode identifier, CatalogueKind<T> kind,
                                                Predicate<T> among) {
        Map.Entry<String, String> field = identifyingField(parameter, identifier, kind.fields().keySet(),
                kind.fieldList());
        List<T> named = field.getKey().equals("id")
                ? catalogue.find(kind.type(), field.getValue()).stream().toList()
                : catalogue.findBy(kind.type(), field.getKey(), field.getValue());
        return named.stream()
                .filter(among)
                .findFirst()
                .orElseThrow(() -> ApiException.referenceNotFound(parameter,
                        "no " + kind.kindName() + " has " + field.getKey() + " " + field.getValue()));
    }

    /** The entity an identifier object names, as events remember it: its id and its label. */
    public <T extends CatalogueEntry> Reference reference(String parameter, JsonNode identifier, CatalogueKind<T> kind) {
        T entity = resolve(parameter, identifier, kind);
        return new Reference(entity.id(), kind.label().apply(entity));
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
