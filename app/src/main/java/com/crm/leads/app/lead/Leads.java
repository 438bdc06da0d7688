package com.crm.leads.app.lead;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.command.UpdateLeadCommand;
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
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
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
class Leads {

    private final LeadCommands commands;
    private final LeadNumbers numbers;
    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;

    Leads(LeadCommands commands, LeadNumbers numbers, CommandGateway commandGateway, QueryGateway queryGateway) {
        this.commands = commands;
        this.numbers = numbers;
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
    }

    LeadComplete create(ObjectNode body, Actor actor) throws JsonProcessingException {
        return create(body, actor, LeadId.random(), null);
    }

    /** Creates a lead with a given identity; a null number takes the next one. */
    LeadComplete create(ObjectNode body, Actor actor, LeadId leadId, String number) throws JsonProcessingException {
        CreateLeadRequest request = commands.read(body, CreateLeadRequest.class);
        send(commands.create(request, leadId, number == null ? numbers.next() : number), actor);
        return find(new LeadLookup.ById(leadId));
    }

    LeadComplete update(ObjectNode body, Actor actor) throws JsonProcessingException {
        if (!body.hasNonNull("lead_identifier")) {
            throw ApiException.invalidParameter("lead_identifier", "lead_identifier is mandatory");
        }
        LeadComplete lead = find(lookup("lead_identifier", body.get("lead_identifier")));
        LeadId leadId = new LeadId(lead.id());
        UpdateLeadRequest request;
        try {
            request = commands.read(body, UpdateLeadRequest.class);
        } catch (ApiException | JsonProcessingException invalid) {
            // A closed lead refuses every update, whatever its parameters. Whether it is closed is the aggregate's
            // to say: an update that changes nothing is refused by a closed lead and passes on an open one.
            send(new UpdateLeadCommand(leadId, List.of(), List.of(), null, null, null), actor);
            throw invalid;
        }
        send(commands.update(request, lead), actor);
        return find(new LeadLookup.ById(leadId));
    }

    Optional<LeadComplete> findIfPresent(LeadLookup lookup) {
        return queryGateway.query(new FindLeadQuery(lookup), ResponseTypes.optionalInstanceOf(LeadComplete.class))
                .join();
    }

    LeadComplete find(LeadLookup lookup) {
        return findIfPresent(lookup).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "lead_identifier",
                "no lead has " + describe(lookup)));
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

    private void send(Object command, Actor actor) {
        commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(Map.of(
                LeadMetadata.USER_ID, actor.user().id(),
                LeadMetadata.UNIT_ID, actor.unit().id(),
                LeadMetadata.REQUEST_ID, UUID.randomUUID().toString()))));
    }

    private static String describe(LeadLookup lookup) {
        return lookup instanceof LeadLookup.ById byId ? "id " + byId.leadId() : "number " + ((LeadLookup.ByNumber) lookup).number();
    }
}
