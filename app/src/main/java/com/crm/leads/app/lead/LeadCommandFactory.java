package com.crm.leads.app.lead;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.PeriodUnit;
import com.crm.leads.api.Reference;
import com.crm.leads.api.StatusReference;
import com.crm.leads.api.catalogue.Address;
import com.crm.leads.api.catalogue.LeadStatus;
import com.crm.leads.api.command.CreateLeadCommand;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.ReopenLeadCommand;
import com.crm.leads.api.command.UpdateLeadCommand;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.TimePeriod;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.catalogue.StoredCatalogue;
import com.crm.leads.app.catalogue.CatalogueKind;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.config.InputLimits;
import com.crm.leads.app.config.JsonConfiguration;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ParameterPath;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

import static com.crm.leads.api.LeadField.*;

/**
 * Turns a request body into a command: checks every value against the contract, resolves identifier objects
 * against the catalogue, and hands the aggregate domain values only. Any bad value stops the call here, before a
 * command exists.
 */
@Component
class LeadCommandFactory {

    private final ObjectMapper json;
    private final Validator validator;
    private final IdentifierResolver identifiers;
    private final SetUpdateReader setEntries;
    private final StoredCatalogue catalogue;
    private final InputLimits limits;

    LeadCommandFactory(ObjectMapper json, Validator validator, IdentifierResolver identifiers, SetUpdateReader setEntries,
                 StoredCatalogue catalogue, InputLimits limits) {
        this.json = json;
        this.validator = validator;
        this.identifiers = identifiers;
        this.setEntries = setEntries;
        this.catalogue = catalogue;
        this.limits = limits;
    }

    /**
     * The body as parameters, each value read as its parameter takes it and checked; the first broken constraint (by
     * path) is reported.
     */
    <T extends LeadParameters> T read(ObjectNode body, Class<T> type) throws JsonProcessingException {
        T parameters = json.treeToValue(body, type);
        List<ApiException> broken = new ArrayList<>(refusals(validator.validate(parameters),
                violation -> parameterPath("", violation.getPropertyPath(), 0)));
        for (Map.Entry<String, JsonNode> given : parameters.fieldParameters.entrySet()) {
            String name = given.getKey();
            LeadField field = LeadWireNames.fieldSetBy(name).orElseThrow(() ->
                    ApiException.invalidParameter(name, name + " is not a parameter of this method"));
            FieldInput input = FieldInput.of(field);
            Object value = given.getValue().isNull() ? null : bind(parameters, name, given.getValue(), input.type());
            // the path starts at the property of Rules, which stands for the parameter itself
            broken.addAll(refusals(validator.validateValue(FieldInput.Rules.class, input.rule(), value),
                    violation -> parameterPath(name, violation.getPropertyPath(), 1)));
            if (value != null && value.getClass().isRecord()) {
                broken.addAll(refusals(validator.validate(value),
                        violation -> parameterPath(name, violation.getPropertyPath(), 0)));
            }
            parameters.fields.put(field, value);
        }
        broken.stream().min(Comparator.comparing(ApiException::parameter)).ifPresent(invalid -> {
            throw invalid;
        });
        FieldSelection.check(parameters.fieldsSet);
        return parameters;
    }

    /** A value of one parameter as its type, or refused as the body's others are, at the parameter's path. */
    private Object bind(LeadParameters parameters, String name, JsonNode value, Class<?> type)
            throws JsonMappingException {
        try {
            return json.readerFor(type).readValue(value);
        } catch (JsonProcessingException wrongType) {
            // a number too large for its type is the parser's refusal, not the mapper's: named at its path all the same
            throw JsonMappingException.wrapWithPath(wrongType, parameters, name);
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    /** Broken constraints as refusals, each at the path {@code path} gives it. */
    private static <T> List<ApiException> refusals(Set<ConstraintViolation<T>> violations,
                                                   Function<ConstraintViolation<T>, String> path) {
        return violations.stream().map(violation -> ApiException.invalidParameter(path.apply(violation),
                path.apply(violation) + " " + violation.getMessage())).toList();
    }

    /** {@code number} is asked for last, once every parameter is resolved, so a refused create takes none. */
    PreparedCommand create(CreateLeadRequest request, LeadId leadId, Supplier<String> number, LeadAccess access) {
        List<FieldUpdate> fields = fieldUpdates(request).stream().filter(update -> update.value() != null).toList();
        if (present(identifier(request.statusIdentifier)).isEmpty()) {
            throw ApiException.invalidParameter("status_identifier", "status_identifier is mandatory");
        }
        Reference contact = identifiers.reference("contact_information_identifier",
                mandatory("contact_information_identifier", request.contactInformationIdentifier),
                CatalogueKind.CONTACT);
        Reference type = identifiers.reference("type_identifier", mandatory("type_identifier", request.typeIdentifier),
                CatalogueKind.TYPE);
        Reference accountsReceivable = present(identifier(request.accountsReceivableIdentifier))
                .map(node -> identifiers.reference("accounts_receivable_identifier", node,
                        CatalogueKind.ACCOUNTS_RECEIVABLE))
                .orElse(null);
        StatusReference status = status(request);
        Reference lostReason = lostReason(request);
        checkDerivedDate(request, null, null);
        SetUpdateReader.SetUpdates sets = setEntries.updates(request);
        return new PreparedCommand(new CreateLeadCommand(leadId, number.get(), type, contact, accountsReceivable,
                status, lostReason, fields, sets.updates(), access), sets.parameters());
    }

    /**
     * {@code lead} is the lead as it stands, for what is resolved against it (its contact's addresses);
     * {@code expectedVersion} the version the caller expects it at, if any; {@code access} the leads the caller may
     * see and change.
     */
    PreparedCommand update(UpdateLeadRequest request, LeadComplete lead, Long expectedVersion, LeadAccess access) {
        checkDerivedDate(request, lead.field(START_DATE, LocalDateTime.class),
                lead.field(ESTIMATED_COMPLETION_TIME, TimePeriod.class));
        StatusReference status = status(request);
        SetUpdateReader.SetUpdates sets = setEntries.updates(request);
        return new PreparedCommand(new UpdateLeadCommand(new LeadId(lead.id()), fieldUpdates(request),
                sets.updates(), status, lostReason(request), billingAddress(request, status, lead), expectedVersion,
                access), sets.parameters());
    }

    /** The lead's rules decide whether it may be reopened, by whom, to which status and for what reason. */
    PreparedCommand reopen(ReopenLeadRequest request, LeadComplete lead, Actor actor, LeadAccess access) {
        LeadStatus status = identifiers.resolve("status_identifier",
                mandatory("status_identifier", request.statusIdentifier()), CatalogueKind.STATUS);
        if (request.reason() == null) {
            throw ApiException.invalidParameter("reason", "reason is mandatory: say why the lead is reopened");
        }
        return new PreparedCommand(new ReopenLeadCommand(new LeadId(lead.id()),
                new StatusReference(status.id(), status.name(), status.lifeCycleState()), request.reason(),
                actor.user().id(), actor.administrator(), access), List.of());
    }

    /**
     * The expected completion date that a start date and an estimate derive (the lead's own where the call leaves
     * them) lies within the limits' dates too. Checked here against the lead as read: limited start dates and
     * periods keep any date the aggregate derives far from what a date can hold.
     */
    private void checkDerivedDate(LeadParameters request, LocalDateTime currentStart,
                                  TimePeriod currentEstimate) {
        Map<LeadField, Object> given = request.fields;
        LocalDateTime start = given.containsKey(START_DATE) ? (LocalDateTime) given.get(START_DATE) : currentStart;
        Long count;
        PeriodUnit unit;
        String blamed;
        if (given.get(ESTIMATED_COMPLETION_TIME) instanceof LeadParameters.TimePeriod estimate
                && !given.containsKey(EXPECTED_COMPLETION_DATE)) {
            count = estimate.timePeriodValue();
            unit = estimate.timePeriodUot();
            blamed = "estimated_completion_time";
        } else if (given.containsKey(START_DATE) && !given.containsKey(ESTIMATED_COMPLETION_TIME)
                && !given.containsKey(EXPECTED_COMPLETION_DATE) && currentEstimate != null) {
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

    /** Each field the call gives, set or cleared, in the order of the lead's fields. */
    private List<FieldUpdate> fieldUpdates(LeadParameters request) {
        List<FieldUpdate> updates = new ArrayList<>();
        request.fields.forEach((field, value) ->
                updates.add(new FieldUpdate(field, value == null ? null : fieldValue(field, value))));
        return updates;
    }

    private FieldValue fieldValue(LeadField field, Object value) {
        return switch (FieldInput.of(field)) {
            case TEXT, LONG_TEXT, EMAIL, PHONE -> new FieldValue.Text((String) value);
            case NUMBER, AMOUNT, PERCENTAGE -> new FieldValue.Decimal((BigDecimal) value);
            case PRIORITY -> new FieldValue.Whole((Integer) value);
            case DATE -> new FieldValue.DateTime((LocalDateTime) value);
            case PERIOD -> new FieldValue.Period(((LeadParameters.TimePeriod) value).timePeriodValue(),
                    ((LeadParameters.TimePeriod) value).timePeriodUot());
            case CHOICE -> new FieldValue.Code(((Enum<?>) value).name());
            case IDENTIFIER -> new FieldValue.Entity(identifiers.reference(LeadWireNames.parameter(field),
                    (JsonNode) value, CatalogueKind.of(field.of())));
            case ASSIGNMENT -> assignment((LeadParameters.AssignedTo) value);
            case SOURCE -> source((LeadParameters.Source) value);
        };
    }

    private FieldValue assignment(LeadParameters.AssignedTo assignedTo) {
        var unit = identifiers.resolve("assigned_to.unit_identifier",
                mandatory("assigned_to.unit_identifier", assignedTo.unitIdentifier()), CatalogueKind.UNIT);
        Reference user = null;
        if (assignedTo.userIdentifier() != null && !assignedTo.userIdentifier().isNull()) {
            user = identifiers.reference("assigned_to.user_identifier", assignedTo.userIdentifier(),
                    CatalogueKind.USER);
            String userId = user.id();
            boolean member = catalogue.user(userId).filter(found -> found.unitIds().contains(unit.id())).isPresent();
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
                        CatalogueKind.COMMUNICATION) : null,
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
        LeadStatus status = identifiers.resolve("status_identifier", identifier, CatalogueKind.STATUS);
        return new StatusReference(status.id(), status.name(), status.lifeCycleState());
    }

    private Reference lostReason(LeadParameters request) {
        return present(identifier(request.lostReasonIdentifier))
                .map(node -> identifiers.reference("lost_reason_identifier", node, CatalogueKind.LOST_REASON))
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
            IdentifierResolver.identifyingField(parameter, address.get(), CatalogueKind.ADDRESS.fields().keySet(),
                    CatalogueKind.ADDRESS.fieldList());
            return null;
        }
        String contactId = lead.contactInformation() == null ? null : lead.contactInformation().id();
        Address found = identifiers.resolve(parameter, address.get(), CatalogueKind.ADDRESS,
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

    /**
     * The violation's path as a client writes it, under {@code parameter} and past its first {@code skipped} nodes:
     * {@code assigned_to.unit_identifier}, {@code users_set[2]}.
     */
    private static String parameterPath(String parameter, Path path, int skipped) {
        ParameterPath written = ParameterPath.under(parameter);
        for (Path.Node node : StreamSupport.stream(path.spliterator(), false).skip(skipped).toList()) {
            if (node.getIndex() != null) {
                written.index(node.getIndex());
            }
            String name = node.getName();
            if (name != null && !name.startsWith("<")) {
                written.name(JsonConfiguration.CRM_NAMING.translate(name));
            }
        }
        return written.toString();
    }
}
