package com.crm.leads.app.lead;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.PeriodUnit;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.catalogue.Address;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.command.CreateLeadCommand;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.UpdateLeadCommand;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.TimePeriod;
import com.crm.leads.app.catalogue.FileCatalogue;
import com.crm.leads.app.catalogue.Identifiable;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.config.InputLimits;
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

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

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
    private final SetEntries setEntries;
    private final FileCatalogue catalogue;
    private final InputLimits limits;

    LeadCommands(ObjectMapper json, Validator validator, IdentifierResolver identifiers, SetEntries setEntries,
                 FileCatalogue catalogue, InputLimits limits) {
        this.json = json;
        this.validator = validator;
        this.identifiers = identifiers;
        this.setEntries = setEntries;
        this.catalogue = catalogue;
        this.limits = limits;
    }

    /** The body as parameters, each value checked; the first broken constraint (by path) is reported. */
    <T extends LeadParameters> T read(ObjectNode body, Class<T> type) throws JsonProcessingException {
        T parameters = json.treeToValue(body, type);
        validator.validate(parameters).stream()
                .map(violation -> ApiException.invalidParameter(parameterPath(violation.getPropertyPath()),
                        parameterPath(violation.getPropertyPath()) + " " + violation.getMessage()))
                .min(Comparator.comparing(ApiException::parameter))
                .ifPresent(invalid -> {
                    throw invalid;
                });
        LeadFields.check(parameters.fieldsSet);
        return parameters;
    }

    /** {@code number} is asked for last, once every parameter is resolved, so a refused create takes none. */
    PreparedCommand create(CreateLeadRequest request, LeadId leadId, Supplier<String> number) {
        List<FieldUpdate> fields = fieldUpdates(request).stream().filter(update -> update.value() != null).toList();
        if (present(identifier(request.statusIdentifier)).isEmpty()) {
            throw ApiException.invalidParameter("status_identifier", "status_identifier is mandatory");
        }
        Reference contact = identifiers.reference("contact_information_identifier",
                mandatory("contact_information_identifier", request.contactInformationIdentifier),
                Identifiable.CONTACT);
        Reference type = identifiers.reference("type_identifier", mandatory("type_identifier", request.typeIdentifier),
                Identifiable.TYPE);
        Reference accountsReceivable = present(identifier(request.accountsReceivableIdentifier))
                .map(node -> identifiers.reference("accounts_receivable_identifier", node,
                        Identifiable.ACCOUNTS_RECEIVABLE))
                .orElse(null);
        StatusReference status = status(request);
        Reference lostReason = lostReason(request);
        checkDerivedDate(request, null, null);
        SetEntries.SetUpdates sets = setEntries.updates(request);
        return new PreparedCommand(new CreateLeadCommand(leadId, number.get(), type, contact, accountsReceivable,
                status, lostReason, fields, sets.updates()), sets.parameters());
    }

    /**
     * {@code lead} is the lead as it stands, for what is resolved against it (its contact's addresses);
     * {@code expectedVersion} the version the caller expects it at, if any.
     */
    PreparedCommand update(UpdateLeadRequest request, LeadComplete lead, Long expectedVersion) {
        checkDerivedDate(request, lead.startDate(), lead.estimatedCompletionTime());
        StatusReference status = status(request);
        SetEntries.SetUpdates sets = setEntries.updates(request);
        return new PreparedCommand(new UpdateLeadCommand(new LeadId(lead.id()), fieldUpdates(request),
                sets.updates(), status, lostReason(request), billingAddress(request, status, lead), expectedVersion),
                sets.parameters());
    }

    /**
     * The expected completion date that a start date and an estimate derive (the lead's own where the call leaves
     * them) lies within the limits' dates too. Checked here against the lead as read: limited start dates and
     * periods keep any date the aggregate derives far from what a date can hold.
     */
    private void checkDerivedDate(LeadParameters request, LocalDateTime currentStart,
                                  TimePeriod currentEstimate) {
        LocalDateTime start = request.startDate != null ? request.startDate.orElse(null) : currentStart;
        Long count;
        PeriodUnit unit;
        String blamed;
        if (present(request.estimatedCompletionTime).isPresent() && request.expectedCompletionDate == null) {
            count = request.estimatedCompletionTime.get().timePeriodValue();
            unit = request.estimatedCompletionTime.get().timePeriodUot();
            blamed = "estimated_completion_time";
        } else if (request.startDate != null && request.estimatedCompletionTime == null
                && request.expectedCompletionDate == null && currentEstimate != null) {
            count = currentEstimate.value();
            unit = currentEstimate.unit();
            blamed = "start_date";
        } else {
            return;
        }
        if (start == null || count == null || unit == null) {
            return;
        }
        boolean holds;
        try {
            holds = limits.holds(start.plus(count, unit.chronoUnit()));
        } catch (DateTimeException | ArithmeticException pastAnyDate) {
            holds = false;
        }
        if (!holds) {
            throw ApiException.invalidParameter(blamed, blamed + " would make expected_completion_date fall outside "
                    + limits.dateRange().replace("a date from", "the dates from"));
        }
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
        addEntity(updates, CATEGORY, request.categoryIdentifier, Identifiable.CATEGORY);
        addEntity(updates, OWNED_BY_GROUP, request.ownedByGroupIdentifier, Identifiable.GROUP);
        addEntity(updates, PRIVACY_LEVEL, request.privacyLevelIdentifier, Identifiable.PRIVACY_LEVEL);
        addEntity(updates, SUBSCRIPTION_PACKAGE, request.subscriptionPackageIdentifier,
                Identifiable.SUBSCRIPTION_PACKAGE);
        addEntity(updates, LEAD_OWNER, request.leadOwner, Identifiable.USER);
        add(updates, ASSIGNED_TO, request.assignedTo, this::assignment);
        add(updates, SOURCE, request.source, this::source);
        add(updates, START_DATE, request.startDate, FieldValue.DateTime::new);
        add(updates, EXPECTED_COMPLETION_DATE, request.expectedCompletionDate, FieldValue.DateTime::new);
        add(updates, ESTIMATED_COMPLETION_TIME, request.estimatedCompletionTime,
                period -> new FieldValue.Period(period.timePeriodValue(), period.timePeriodUot()));
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

    private void addEntity(List<FieldUpdate> updates, LeadField field, Optional<JsonNode> parameter,
                           Identifiable<?> kind) {
        add(updates, field, identifier(parameter),
                node -> new FieldValue.Entity(identifiers.reference(LeadWireNames.parameter(field), node, kind)));
    }

    private FieldValue assignment(LeadParameters.AssignedTo assignedTo) {
        var unit = identifiers.resolve("assigned_to.unit_identifier",
                mandatory("assigned_to.unit_identifier", assignedTo.unitIdentifier()), Identifiable.UNIT);
        Reference user = null;
        if (assignedTo.userIdentifier() != null && !assignedTo.userIdentifier().isNull()) {
            user = identifiers.reference("assigned_to.user_identifier", assignedTo.userIdentifier(),
                    Identifiable.USER);
            String userId = user.id();
            boolean member = catalogue.users().stream()
                    .anyMatch(candidate -> candidate.id().equals(userId) && candidate.unitIds().contains(unit.id()));
            if (!member) {
                throw ApiException.invalidParameter("assigned_to.user_identifier",
                        "user " + user.name() + " does not belong to unit " + unit.name());
            }
        }
        return new FieldValue.Assignment(new Reference(unit.id(), unit.name()), user);
    }

    private FieldValue source(LeadParameters.Source source) {
        boolean communication = source.type() == LeadParameters.SourceType.COMMUNICATIONS;
        JsonNode identifier = source.communicationIdentifier();
        boolean hasIdentifier = identifier != null && !identifier.isNull();
        if (communication && (!hasIdentifier || source.name() != null)) {
            throw ApiException.invalidParameter("source.communication_identifier",
                    "a source of type COMMUNICATIONS names a communication_identifier and no name");
        }
        if (!communication && (hasIdentifier || source.name() == null || source.name().isBlank())) {
            throw ApiException.invalidParameter("source.name",
                    "a source of type " + source.type() + " has a name and no communication_identifier");
        }
        return new FieldValue.Source(source.type().name(),
                communication ? identifiers.reference("source.communication_identifier", identifier,
                        Identifiable.COMMUNICATION) : null,
                source.name());
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
                .map(node -> identifiers.reference("lost_reason_identifier", node, Identifiable.LOST_REASON))
                .orElse(null);
    }

    /**
     * The deprecated billing address only matters with a move to a WON status: then it must be an address of the
     * lead's contact. Otherwise it is accepted, checked for shape only, and ignored.
     */
    private Reference billingAddress(LeadParameters request, StatusReference status, LeadComplete lead) {
        Optional<JsonNode> address = present(identifier(request.billingAddressIdentifier));
        if (address.isEmpty()) {
            return null;
        }
        String parameter = "billing_address_identifier";
        if (status == null || status.classification() != LifeCycleState.WON) {
            IdentifierResolver.identifyingField(parameter, address.get(), Identifiable.ADDRESS.fields().keySet(),
                    Identifiable.ADDRESS.fieldList());
            return null;
        }
        String contactId = lead.contactInformation() == null ? null : lead.contactInformation().id();
        Address found = identifiers.resolve(parameter, address.get(), Identifiable.ADDRESS,
                candidate -> candidate.contactId() != null && candidate.contactId().equals(contactId));
        return new Reference(found.id(), found.type());
    }

    private static JsonNode mandatory(String parameter, JsonNode identifier) {
        if (identifier.isNull()) {
            throw ApiException.invalidParameter(parameter, parameter + " is mandatory");
        }
        return identifier;
    }

    /** An identifier object parameter, three-valued like the others: JSON null arrives as a null node. */
    private static Optional<JsonNode> identifier(Optional<JsonNode> parameter) {
        return parameter == null ? null : parameter.filter(node -> !node.isNull());
    }

    private static <T> Optional<T> present(Optional<T> parameter) {
        return parameter == null ? Optional.empty() : parameter;
    }

    /** The violation's path as a client writes it: {@code assigned_to.unit_identifier}, {@code users_set[2]}. */
    private static String parameterPath(Path path) {
        StringBuilder written = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                written.append('[').append(node.getIndex()).append(']');
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                written.append(written.isEmpty() ? "" : ".").append(JsonConfiguration.CRM_NAMING.translate(name));
            }
        }
        return written.toString();
    }
}
