package com.crm.leads.app.lead;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.catalogue.Catalogue;
import com.crm.leads.api.command.CheckUpdatableCommand;
import com.crm.leads.api.command.CreateLeadCommand;
import com.crm.leads.api.command.RevertLeadCommand;
import com.crm.leads.api.command.RevertOutcome;
import com.crm.leads.api.command.LeadCommand;
import com.crm.leads.api.command.LeadRuleViolation;
import com.crm.leads.api.query.FindLeadAsIfQuery;
import com.crm.leads.api.query.FindLeadAsOfQuery;
import com.crm.leads.api.query.FindLeadQuery;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadLookup;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.config.LeadsProperties;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ErrorCode;
import com.crm.leads.app.web.Unavailable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The lead calls of the API, between the wire and the messages: a body becomes a command sent on behalf of its
 * actor, and the answer is the lead as the command left it.
 */
@Component
class LeadService {

    private final LeadCommandFactory commands;
    private final LeadNumbers numbers;
    private final Idempotency idempotency;
    private final CommandGateway commandGateway;
    private final RetryTemplate raceRetries;
    private final QueryGateway queryGateway;
    private final Catalogue catalogue;
    private final boolean keepsLeads;

    LeadService(LeadCommandFactory commands, LeadNumbers numbers, Idempotency idempotency, CommandGateway commandGateway,
          RetryTemplate raceRetries, QueryGateway queryGateway, Catalogue catalogue, LeadsProperties properties) {
        this.commands = commands;
        this.numbers = numbers;
        this.idempotency = idempotency;
        this.commandGateway = commandGateway;
        this.raceRetries = raceRetries;
        this.queryGateway = queryGateway;
        this.catalogue = catalogue;
        this.keepsLeads = properties.cachedLeads() > 0;
    }

    /** A create or update as it arrived: the body, who sends it, and its request headers. */
    record Request(ObjectNode body, Actor actor, String idempotencyKey, String ifMatch) {
    }

    LeadComplete create(Request call) throws JsonProcessingException {
        return create(call, LeadId.random(), null);
    }

    /** Creates a lead with a given identity; a null number takes the next one. */
    LeadComplete create(Request call, LeadId leadId, String number) throws JsonProcessingException {
        Optional<Idempotency.Retryable> retryable = idempotency.call("create", call.body(), call.idempotencyKey());
        Optional<LeadComplete> answered = firstAnswer(call.actor(), retryable);
        if (answered.isPresent()) {
            return answered.get();
        }
        CreateLeadRequest request = commands.read(call.body(), CreateLeadRequest.class);
        return send(commands.create(request, leadId, number == null ? numbers::next : () -> number,
                access(call.actor())), call, retryable, null);
    }

    LeadComplete update(Request call) throws JsonProcessingException {
        ObjectNode body = call.body();
        LeadLookup lookup = namedLead(body.get("lead_identifier"));
        LeadAccess access = access(call.actor());
        LeadComplete lead = find(lookup, access);
        Optional<Idempotency.Retryable> retryable = idempotency.call("update", body, call.idempotencyKey());
        Optional<LeadComplete> answered = firstAnswer(call.actor(), retryable);
        if (answered.isPresent()) {
            return answered.get();
        }
        UpdateLeadRequest request;
        try {
            request = commands.read(body, UpdateLeadRequest.class);
        } catch (JsonProcessingException | RuntimeException invalid) {
            // A closed lead refuses every update, whatever its parameters; whether it is closed is the lead's to say
            send(new PreparedCommand(new CheckUpdatableCommand(new LeadId(lead.id()), access), List.of()), call,
                    Optional.empty(), lookup);
            throw invalid;
        }
        return send(commands.update(request, lead, expectedVersion(request.expectedVersion, call.ifMatch()), access),
                call, retryable, lookup);
    }

    /** A revert, or on a dry run the lead as the revert would leave it, with nothing stored. */
    LeadComplete revert(Request call, RevertLeadRequest request) {
        LeadLookup lookup = namedLead(request.leadIdentifier());
        if (request.toVersion() == null) {
            throw ApiException.invalidParameter("to_version", "to_version is mandatory: the version to go back to");
        }
        LeadAccess access = access(call.actor());
        LeadComplete lead = find(lookup, access);
        RevertLeadCommand command = new RevertLeadCommand(new LeadId(lead.id()), request.toVersion(),
                request.expectedVersion(), Boolean.TRUE.equals(request.dryRun()), access);
        RevertOutcome outcome = dispatch(new PreparedCommand(command, List.of()), call, Optional.empty(), lookup);
        if (command.dryRun()) {
            return queryGateway.query(new FindLeadAsIfQuery(new LeadLookup.ById(command.leadId()), outcome.events(),
                    access), ResponseTypes.optionalInstanceOf(LeadComplete.class)).join()
                    .orElseThrow(() -> notFound(lookup));
        }
        return asItsCallLeftIt(command.leadId(), outcome.version());
    }

    LeadComplete reopen(Request call, ReopenLeadRequest request) {
        LeadLookup lookup = namedLead(request.leadIdentifier());
        LeadAccess access = access(call.actor());
        LeadComplete lead = find(lookup, access);
        return send(commands.reopen(request, lead, call.actor(), access), call, Optional.empty(), lookup);
    }

    /** The leads {@code actor} may see and change, by the catalogue as it is now. */
    LeadAccess access(Actor actor) {
        return actor.leadAccess(catalogue);
    }

    Optional<LeadComplete> findIfPresent(LeadLookup lookup, LeadAccess access) {
        return queryGateway.query(new FindLeadQuery(lookup, access),
                ResponseTypes.optionalInstanceOf(LeadComplete.class)).join();
    }

    /** The lead, if it is open to {@code access}: a lead that is not is {@code NOT_FOUND} as one that never was. */
    LeadComplete find(LeadLookup lookup, LeadAccess access) {
        return findIfPresent(lookup, access).orElseThrow(() -> notFound(lookup));
    }

    /** The lead as it stood after its event {@code version}, or at {@code date}. */
    LeadComplete findAsOf(FindLeadAsOfQuery query) {
        return queryGateway.query(query, ResponseTypes.optionalInstanceOf(LeadComplete.class)).join()
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, query.version() != null ? "as_of_version"
                        : "as_of_date", "the lead did not exist at that " + (query.version() != null ? "version" : "date")));
    }

    static ApiException notFound(LeadLookup lookup) {
        String named = lookup instanceof LeadLookup.ById byId ? "id " + byId.leadId()
                : "number " + ((LeadLookup.ByNumber) lookup).number();
        return new ApiException(ErrorCode.NOT_FOUND, "lead_identifier", "no lead has " + named);
    }

    /** The lead a call's mandatory {@code lead_identifier} names. */
    private static LeadLookup namedLead(JsonNode identifier) {
        if (identifier == null || identifier.isNull()) {
            throw ApiException.invalidParameter("lead_identifier", "lead_identifier is mandatory");
        }
        return lookup("lead_identifier", identifier);
    }

    /** A lead identifier object: exactly one of {@code id} or {@code number}. */
    static LeadLookup lookup(String parameter, JsonNode identifier) {
        Map.Entry<String, String> field = IdentifierResolver.identifyingField(parameter, identifier,
                Set.of("id", "number"), "id, number");
        if (field.getKey().equals("number")) {
            return new LeadLookup.ByNumber(field.getValue());
        }
        try {
            return new LeadLookup.ById(new LeadId(field.getValue()));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.NOT_FOUND, parameter, "no lead has id " + field.getValue());
        }
    }

    /** A retried call answers as it did the first time, with the lead at the version that call left it at. */
    private Optional<LeadComplete> firstAnswer(Actor actor, Optional<Idempotency.Retryable> call) {
        return call.flatMap(retryable -> idempotency.done(actor, retryable))
                .map(done -> asItsCallLeftIt(done.leadId(), done.version()));
    }

    /** {@code named} is how the caller named the lead, for a lead that turns out not to be open to it. */
    private LeadComplete send(PreparedCommand prepared, Request call, Optional<Idempotency.Retryable> retryable,
                              LeadLookup named) {
        long version;
        try {
            version = dispatch(prepared, call, retryable, named);
        } catch (RuntimeException refused) {
            // Copies of one request sent at once: one is applied and recorded first, and the others fail on its
            // changes (a version conflict, a closed lead, a taken request id). Each answers as the first did.
            // A database out of reach is not asked again: the call has waited for it once and answers at once.
            if (Unavailable.databaseUnreachable(refused)) {
                throw refused;
            }
            return firstAnswer(call.actor(), retryable).orElseThrow(() -> refused);
        }
        return asItsCallLeftIt(prepared.command().leadId(), version);
    }

    /**
     * Sends the command with the call's metadata, tries it again when it lost a race with another instance, and
     * answers what its handler answered; a broken rule is refused in the caller's terms.
     */
    private <R> R dispatch(PreparedCommand prepared, Request call, Optional<Idempotency.Retryable> retryable,
                           LeadLookup named) {
        LeadCommand command = prepared.command();
        MetaData metaData = MetaData.from(Map.of(
                LeadMetadata.USER_ID, call.actor().user().id(),
                LeadMetadata.UNIT_ID, call.actor().unit().id(),
                LeadMetadata.REQUEST_ID, retryable.map(Idempotency.Retryable::requestId)
                        .orElseGet(() -> UUID.randomUUID().toString())));
        CommandMessage<?> message = GenericCommandMessage.asCommandMessage(command)
                .andMetaData(retryable.map(Idempotency.Retryable::metaData).orElse(MetaData.emptyInstance()))
                .andMetaData(metaData);
        try {
            return judgedByTheStoredLead(message, !keepsLeads || command instanceof CreateLeadCommand);
        } catch (LeadRuleViolation violation) {
            throw violation.getRule() == LeadRuleViolation.Rule.LEAD_NOT_OPEN && named != null
                    ? notFound(named) : prepared.refusal(violation);
        }
    }

    /**
     * The lead may have been judged as this instance kept it, and another instance may have changed it since
     * (reopened it, moved its version on). A refused command is rolled back, which drops the kept lead, so sent
     * once more it is judged by the lead as stored. An accepted command needs no such care: on an outdated lead its
     * events take numbers already taken, and it loses the race and is retried.
     */
    private <R> R judgedByTheStoredLead(CommandMessage<?> message, boolean judgedByTheStoreAlready) {
        for (int attempt = 1; ; attempt++) {
            try {
                return raceRetries.execute(race -> commandGateway.<R>sendAndWait(message));
            } catch (LeadRuleViolation refused) {
                if (judgedByTheStoreAlready || attempt == 2) {
                    throw refused;
                }
            }
        }
    }

    /**
     * The lead exactly as a call left it, at the version its command brought it to: what the read model kept of
     * it then, so a later call's change never shows in this call's answer. It was open to the caller then, so it is
     * shown whatever its privacy level has become since.
     */
    private LeadComplete asItsCallLeftIt(LeadId leadId, long version) {
        return findAsOf(new FindLeadAsOfQuery(new LeadLookup.ById(leadId), version, null, LeadAccess.EVERY_LEAD));
    }

    /** {@code expected_version} and the {@code If-Match} header say the same thing; both must agree. */
    private static Long expectedVersion(Long inBody, String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return inBody;
        }
        String tag = ifMatch.trim();
        if (!tag.matches("\"\\d{1,18}\"")) {
            throw ApiException.invalidParameter("If-Match", "If-Match takes the ETag of a lead, such as \"7\"");
        }
        long fromHeader = Long.parseLong(tag.substring(1, tag.length() - 1));
        if (inBody != null && inBody != fromHeader) {
            throw ApiException.invalidParameter("expected_version",
                    "expected_version and the If-Match header name different versions");
        }
        return fromHeader;
    }
}
