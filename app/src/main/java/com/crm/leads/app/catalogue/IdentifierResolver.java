package com.crm.leads.app.catalogue;

import com.crm.leads.api.Reference;
import com.crm.leads.api.catalogue.CatalogueEntry;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ErrorCode;
import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/** Finds the catalogue entity an identifier object names, or says precisely what is wrong with it. */
@Component
public class IdentifierResolver {

    private final FileCatalogue catalogue;

    IdentifierResolver(FileCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param parameter the identifier's path in the request, for the error's description
     */
    public <T extends CatalogueEntry> T resolve(String parameter, JsonNode identifier, Identifiable<T> kind) {
        return resolve(parameter, identifier, kind, entry -> true);
    }

    /** As {@link #resolve(String, JsonNode, Identifiable)}, among the entities {@code among} accepts only. */
    public <T extends CatalogueEntry> T resolve(String parameter, JsonNode identifier, Identifiable<T> kind,
                                                Predicate<T> among) {
        Map.Entry<String, String> field = identifyingField(parameter, identifier, kind.fields().keySet(),
                kind.fieldList());
        Function<T, String> accessor = kind.fields().get(field.getKey());
        return catalogue.all(kind.type()).stream()
                .filter(among)
                .filter(entry -> field.getValue().equals(accessor.apply(entry)))
                .findFirst()
                .orElseThrow(() -> ApiException.referenceNotFound(parameter,
                        "no " + kind.kindName() + " has " + field.getKey() + " " + field.getValue()));
    }

    /** The entity an identifier object names, as events remember it: its id and its label. */
    public <T extends CatalogueEntry> Reference reference(String parameter, JsonNode identifier, Identifiable<T> kind) {
        T entity = resolve(parameter, identifier, kind);
        return new Reference(entity.id(), kind.label().apply(entity));
    }

    /**
     * The one identifying field of an identifier object and its value as text. Any other shape (not an object,
     * no field, several, an unknown one, a value that is not a plain value) is {@code INVALID_IDENTIFIER}.
     */
    public static Map.Entry<String, String> identifyingField(String parameter, JsonNode identifier,
                                                             Set<String> known, String fieldList) {
        if (identifier == null || !identifier.isObject() || identifier.size() != 1) {
            throw invalid(parameter, fieldList);
        }
        Map.Entry<String, JsonNode> field = identifier.properties().iterator().next();
        JsonNode value = field.getValue();
        if (!known.contains(field.getKey()) || !(value.isTextual() || value.isIntegralNumber())) {
            throw invalid(parameter, fieldList);
        }
        return Map.entry(field.getKey(), value.asText());
    }

    private static ApiException invalid(String parameter, String fieldList) {
        return new ApiException(ErrorCode.INVALID_IDENTIFIER, parameter,
                parameter + " must be an object with exactly one of: " + fieldList);
    }
}
