package com.crm.leads.app.lead;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.command.LeadCommand;
import com.crm.leads.api.command.LeadRuleViolation;
import com.crm.leads.api.command.CheckUpdatableCommand;
import com.crm.leads.api.query.FindLeadAsOfQuery;
import com.crm.leads.api.query.FindLeadQuery;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadLookup;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ErrorCode;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * actor, and the answer is the lead read back after the command, which the read model already shows.
 */
@Component
class LeadService {

    private final LeadCommandFactory commands;
    private final LeadNumbers numbers;
    private final Idempotency idempotency;
    private final CommandGateway commandGateway;
    private final RetryTemplate raceRetries;
    private final QueryGateway queryGateway;

    LeadService(LeadCommandFactory commands, LeadNumbers numbers, Idempotency idempotency, CommandGateway commandGateway,
          RetryTemplate raceRetries, QueryGateway queryGateway) {
        this.commands = commands;
        this.numbers = numbers;
        this.idempotency = idempotency;
        this.commandGateway = commandGateway;
        this.raceRetries = raceRetries;
        this.queryGateway = queryGateway;
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
        return send(commands.create(request, leadId, number == null ? numbers::next : () -> number), call,
                retryable);
    }

    LeadComplete update(Request call) throws JsonProcessingException {
        ObjectNode body = call.body();
        if (!body.hasNonNull("lead_identifier")) {
            throw ApiException.invalidParameter("lead_identifier", "lead_identifier is mandatory");
        }
        LeadComplete lead = find(lookup("lead_identifier", body.get("lead_identifier")));
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
            send(new PreparedCommand(new CheckUpdatableCommand(new LeadId(lead.id())), List.of()), call,
                    Optional.empty());
            throw invalid;
        }
        return send(commands.update(request, lead, expectedVersion(request.expectedVersion, call.ifMatch())), call,
                retryable);
    }

    Optional<LeadComplete> findIfPresent(LeadLookup lookup) {
        return queryGateway.query(new FindLeadQuery(lookup), ResponseTypes.optionalInstanceOf(LeadComplete.class))
                .join();
    }

    LeadComplete find(LeadLookup lookup) {
        return findIfPresent(lookup).orElseThrow(() -> notFound(lookup));
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
                .map(done -> atVersion(done.leadId(), done.version()));
    }

    private LeadComplete send(PreparedCommand prepared, Request call, Optional<Idempotency.Retryable> retryable) {
        LeadCommand command = prepared.command();
        MetaData metaData = MetaData.from(Map.of(
                LeadMetadata.USER_ID, call.actor().user().id(),
                LeadMetadata.UNIT_ID, call.actor().unit().id(),
                LeadMetadata.REQUEST_ID, retryable.map(Idempotency.Retryable::requestId)
                        .orElseGet(() -> UUID.randomUUID().toString())));
        long version;
        try {
            version = raceRetries.execute(attempt -> commandGateway.<Long>sendAndWait(
                    GenericCommandMessage.asCommandMessage(command)
                            .andMetaData(retryable.map(Idempotency.Retryable::metaData).orElse(MetaData.emptyInstance()))
                            .andMetaData(metaData)));
        } catch (RuntimeException refused) {
            // Copies of one request sent at once: one is applied and recorded first, and the others fail on its
            // changes (a version conflict, a closed lead, a taken request id). Each answers as the first did.
            Optional<LeadComplete> first = firstAnswer(call.actor(), retryable);
            if (first.isPresent()) {
                return first.get();
            }
            throw refused instanceof LeadRuleViolation violation ? prepared.refusal(violation) : refused;
        }
        // The read model took this call's events in its transaction, so it holds the lead after this call: as
        // this call left it, or with later calls' changes on top. Folding the lead's events to this very version
        // instead would cost its whole history, on a hot lead for nearly every call.
        LeadLookup lookup = new LeadLookup.ById(command.leadId());
        return findIfPresent(lookup).filter(lead -> lead.version() >= version)
                .orElseGet(() -> findAsOf(new FindLeadAsOfQuery(lookup, version, null)));
    }

    /**
     * The lead exactly as a recorded call left it, for a retry's answer: the read model has it, unless another call
     * changed the lead since, and then its events do.
     */
    private LeadComplete atVersion(LeadId leadId, long version) {
        LeadLookup lookup = new LeadLookup.ById(leadId);
        return findIfPresent(lookup).filter(lead -> lead.version() == version)
                .orElseGet(() -> findAsOf(new FindLeadAsOfQuery(lookup, version, null)));
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
