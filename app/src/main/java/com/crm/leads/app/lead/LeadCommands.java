package com.crm.leads.app.lead;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.catalogue.AccountsReceivable;
import com.crm.leads.api.catalogue.Category;
import com.crm.leads.api.catalogue.Contact;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.catalogue.LeadType;
import com.crm.leads.api.catalogue.LostReason;
import com.crm.leads.api.command.CreateLeadCommand;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.UpdateLeadCommand;
import com.crm.leads.app.catalogue.Identifiable;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.config.JsonConfiguration;
import com.crm.leads.app.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static com.crm.leads.api.LeadField.*;

/**
 * Turns a request body into a command: checks every value against the contract, resolves identifier objects
 * against the catalogue, and hands the aggregate domain values only. Any bad value stops the call here, before a
 * command exists.
 */
@Component
class LeadCommands {

    private final ObjectMapper json;
    private final Validator validator;
    private final IdentifierResolver identifiers;

    LeadCommands(ObjectMapper json, Validator validator, IdentifierResolver identifiers) {
        this.json = json;
        this.validator = validator;
        this.identifiers = identifiers;
    }

    /** The body as parameters, each value checked; the first broken constraint (by name) is reported. */
    <T extends LeadParameters> T read(ObjectNode body, Class<T> type) throws JsonProcessingException {
        T parameters = json.treeToValue(body, type);
        validator.validate(parameters).stream()
                .min(Comparator.comparing(violation -> violation.getPropertyPath().toString()))
                .ifPresent(violation -> {
                    throw invalid(violation);
                });
        return parameters;
    }

    CreateLeadCommand create(CreateLeadRequest request, LeadId leadId, String number) {
        Map<LeadField, FieldValue> fields = new EnumMap<>(LeadField.class);
        for (FieldUpdate update : fieldUpdates(request)) {
            if (update.value() != null) {
                fields.put(update.field(), update.value());
            }
        }
        if (present(identifier(request.statusIdentifier)).isEmpty()) {
            throw ApiException.invalidParameter("status_identifier", "status_identifier is mandatory");
        }
        Contact contact = identifiers.resolve("contact_information_identifier", request.contactInformationIdentifier,
                Identifiable.CONTACT);
        LeadType type = identifiers.resolve("type_identifier", request.typeIdentifier, Identifiable.TYPE);
        Reference accountsReceivable = present(identifier(request.accountsReceivableIdentifier))
                .map(node -> identifiers.resolve("accounts_receivable_identifier", node,
                        Identifiable.ACCOUNTS_RECEIVABLE))
                .map(account -> new Reference(account.id(), account.name()))
                .orElse(null);
        return new CreateLeadCommand(leadId, number, new Reference(type.id(), type.name()),
                new Reference(contact.id(), contact.name()), accountsReceivable, status(request), lostReason(request),
                fields);
    }

    UpdateLeadCommand update(UpdateLeadRequest request, LeadId leadId) {
        return new UpdateLeadCommand(leadId, fieldUpdates(request), status(request), lostReason(request));
    }

    private List<FieldUpdate> fieldUpdates(LeadParameters request) {
        List<FieldUpdate> updates = new ArrayList<>();
        add(updates, CONTACT_EMAIL, request.contactEmail, FieldValue.Text::new);
        add(updates, CONTACT_PHONE, request.contactPhone, FieldValue.Text::new);
        add(updates, DESCRIPTION, request.description, FieldValue.Text::new);
        add(updates, PROBABILITY_TO_WIN, request.probabilityToWin, FieldValue.Decimal::new);
        add(updates, IMPORTANCE, request.importance, importance -> new FieldValue.Code(importance.name()));
        add(updates, PRIORITY, request.priority, priority -> new FieldValue.Whole(priority));
        add(updates, TARGET_AMOUNT, request.targetAmount, FieldValue.Decimal::new);
        add(updates, CATEGORY, identifier(request.categoryIdentifier), node -> {
            Category category = identifiers.resolve("category_identifier", node, Identifiable.CATEGORY);
            return new FieldValue.Entity(new Reference(category.id(), category.name()));
        });
        add(updates, START_DATE, request.startDate, FieldValue.DateTime::new);
        add(updates, UDF_STRING_1, request.udfString1, FieldValue.Text::new);
        add(updates, UDF_STRING_2, request.udfString2, FieldValue.Text::new);
        add(updates, UDF_STRING_3, request.udfString3, FieldValue.Text::new);
        add(updates, UDF_STRING_4, request.udfString4, FieldValue.Text::new);
        add(updates, UDF_STRING_5, request.udfString5, FieldValue.Text::new);
        add(updates, UDF_STRING_6, request.udfString6, FieldValue.Text::new);
        add(updates, UDF_STRING_7, request.udfString7, FieldValue.Text::new);
        add(updates, UDF_STRING_8, request.udfString8, FieldValue.Text::new);
        add(updates, UDF_FLOAT_1, request.udfFloat1, FieldValue.Decimal::new);
        add(updates, UDF_FLOAT_2, request.udfFloat2, FieldValue.Decimal::new);
        add(updates, UDF_FLOAT_3, request.udfFloat3, FieldValue.Decimal::new);
        add(updates, UDF_FLOAT_4, request.udfFloat4, FieldValue.Decimal::new);
        add(updates, UDF_DATE_1, request.udfDate1, FieldValue.DateTime::new);
        add(updates, UDF_DATE_2, request.udfDate2, FieldValue.DateTime::new);
        add(updates, UDF_DATE_3, request.udfDate3, FieldValue.DateTime::new);
        add(updates, UDF_DATE_4, request.udfDate4, FieldValue.DateTime::new);
        return updates;
    }

    /** Absent stays absent, JSON null clears, a value sets. */
    private static <T> void add(List<FieldUpdate> updates, LeadField field, Optional<T> parameter,
                                Function<T, FieldValue> toValue) {
        if (parameter != null) {
            updates.add(new FieldUpdate(field, parameter.map(toValue).orElse(null)));
        }
    }

    /** The requested status; the status is never nullable. Null when the call leaves it as it is. */
    private StatusReference status(LeadParameters request) {
        Optional<JsonNode> requested = identifier(request.statusIdentifier);
        if (requested == null) {
            return null;
        }
        JsonNode identifier = requested.orElseThrow(() ->
                ApiException.invalidParameter("status_identifier", "status_identifier cannot be null"));
        LeadStatus status = identifiers.resolve("status_identifier", identifier, Identifiable.STATUS);
        return new StatusReference(status.id(), status.name(), status.lifeCycleState());
    }

    private Reference lostReason(LeadParameters request) {
        return present(identifier(request.lostReasonIdentifier))
                .map(node -> identifiers.resolve("lost_reason_identifier", node, Identifiable.LOST_REASON))
                .map((LostReason reason) -> new Reference(reason.id(), reason.name()))
                .orElse(null);
    }

    /** An identifier object parameter, three-valued like the others: JSON null arrives as a null node. */
    private static Optional<JsonNode> identifier(Optional<JsonNode> parameter) {
        return parameter == null ? null : parameter.filter(node -> !node.isNull());
    }

    private static <T> Optional<T> present(Optional<T> parameter) {
        return parameter == null ? Optional.empty() : parameter;
    }

    private static ApiException invalid(ConstraintViolation<?> violation) {
        String parameter = parameterName(violation.getPropertyPath());
        return ApiException.invalidParameter(parameter, parameter + " " + violation.getMessage());
    }

    private static String parameterName(Path path) {
        return JsonConfiguration.CRM_NAMING.translate(path.iterator().next().getName());
    }
}
