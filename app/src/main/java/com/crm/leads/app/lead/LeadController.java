package com.crm.leads.app.lead;

import com.crm.leads.api.Importance;
import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.LeadId;
import com.crm.leads.api.LifeCycleState;
import com.crm.leads.api.query.FindLeadAsOfQuery;
import com.crm.leads.api.query.FindLeadHistoryQuery;
import com.crm.leads.api.query.FindLeadsQuery;
import com.crm.leads.api.query.FindStatusDurationsQuery;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.HistoryPage;
import com.crm.leads.api.query.LeadComplete;
import com.crm.leads.api.query.LeadLookup;
import com.crm.leads.api.query.LeadPage;
import com.crm.leads.api.query.StatusDurations;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.auth.Tokens;
import com.crm.leads.app.catalogue.CatalogueKind;
import com.crm.leads.app.catalogue.IdentifierResolver;
import com.crm.leads.app.config.InputLimits;
import com.crm.leads.app.config.LeadsProperties;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.Envelope;
import com.crm.leads.app.web.QueryParameters;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CRM.COM lead methods. POST methods carry the token in the body, GET methods in the query string; the token
 * is checked before anything else of the request is. A single lead travels with its version as a strong ETag.
 */
@RestController
@RequestMapping(path = "/crmapi/rest/v2/leads", produces = MediaType.APPLICATION_JSON_VALUE)
class LeadController {

    private static final int DEFAULT_PAGE_SIZE = 50;
    private static final int MAX_PAGE_SIZE = 1000;
    private static final Set<String> LIST_PARAMETERS = Set.of("token", "contact_information_identifier",
            "accounts_receivable_identifier", "type_identifier", "category_identifier", "status_identifier",
            "owned_by_group_identifier", "assigned_to_user_identifier", "importance", "life_cycle_state",
            "updated_date_from", "updated_date_to", "search_value", "page", "records_per_page", "fields_set");

    private final LeadService leads;
    private final Tokens tokens;
    private final ObjectMapper json;
    private final QueryGateway queryGateway;
    private final LeadsProperties properties;
    private final InputLimits limits;
    private final IdentifierResolver identifiers;

    LeadController(LeadService leads, Tokens tokens, ObjectMapper json, QueryGateway queryGateway,
                   LeadsProperties properties, InputLimits limits, IdentifierResolver identifiers) {
        this.leads = leads;
        this.tokens = tokens;
        this.json = json;
        this.queryGateway = queryGateway;
        this.properties = properties;
        this.limits = limits;
        this.identifiers = identifiers;
    }

    @PostMapping(path = "/create", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Envelope<JsonNode>> create(@RequestBody ObjectNode body,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key)
            throws JsonProcessingException {
        Actor actor = tokens.authenticate(body.path("token").textValue());
        return answer(leads.create(new LeadService.Request(body, actor, key, null)), body.path("fields_set").textValue());
    }

    @PostMapping(path = "/update", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Envelope<JsonNode>> update(@RequestBody ObjectNode body,
                                              @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                              @RequestHeader(name = "If-Match", required = false) String ifMatch)
            throws JsonProcessingException {
        Actor actor = tokens.authenticate(body.path("token").textValue());
        return answer(leads.update(new LeadService.Request(body, actor, key, ifMatch)), body.path("fields_set").textValue());
    }

    /** Every field, set and the status back to as they stood after version {@code to_version} (section 10). */
    @PostMapping(path = "/revert", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Envelope<JsonNode>> revert(@RequestBody ObjectNode body) throws JsonProcessingException {
        Actor actor = tokens.authenticate(body.path("token").textValue());
        RevertLeadRequest request = json.treeToValue(body, RevertLeadRequest.class);
        return answer(leads.revert(new LeadService.Request(body, actor, null, null), request), request.fieldsSet());
    }

    /** A closed lead back to a status classified PENDING, by an administrator or its owner (section 10). */
    @PostMapping(path = "/reopen", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Envelope<JsonNode>> reopen(@RequestBody ObjectNode body) throws JsonProcessingException {
        Actor actor = tokens.authenticate(body.path("token").textValue());
        ReopenLeadRequest request = json.treeToValue(body, ReopenLeadRequest.class);
        return answer(leads.reopen(new LeadService.Request(body, actor, null, null), request), request.fieldsSet());
    }

    /**
     * {@code lead_identifier} is written the CRM.COM way for query strings: {@code number=19} or {@code id=...}.
     * With {@code as_of_version} or {@code as_of_date}, the lead as it stood then.
     */
    @GetMapping("/show")
    ResponseEntity<Envelope<JsonNode>> show(@RequestParam(required = false) String token,
                                            @RequestParam(name = "lead_identifier") String leadIdentifier,
                                            @RequestParam(name = "fields_set", required = false) String fieldsSet,
                                            @RequestParam(name = "as_of_version", required = false) String asOfVersion,
                                            @RequestParam(name = "as_of_date", required = false) String asOfDate,
                                            HttpServletRequest request) {
        LeadAccess access = leads.access(tokens.authenticate(token));
        QueryParameters.allowOnly(request,
                Set.of("token", "lead_identifier", "fields_set", "as_of_version", "as_of_date"));
        FieldSelection.check(fieldsSet);
        LeadLookup lookup = LeadService.lookup("lead_identifier", QueryParameters.identifier(leadIdentifier));
        if (asOfVersion != null && asOfDate != null) {
            throw ApiException.invalidParameter("as_of_version", "give as_of_version or as_of_date, not both");
        }
        if (asOfVersion == null && asOfDate == null) {
            return answer(leads.find(lookup, access), fieldsSet);
        }
        // the lead first, so a lead that does not exist is NOT_FOUND whatever the moment asked for
        LeadLookup lead = new LeadLookup.ById(new LeadId(leads.find(lookup, access).id()));
        Long version = asOfVersion == null ? null
                : (long) QueryParameters.number("as_of_version", asOfVersion, 0, 0, Integer.MAX_VALUE);
        // a date names all of its second (or day): the lead as the service showed it then
        Instant date = QueryParameters.dateEnd("as_of_date", asOfDate, properties.zone(), limits);
        return answer(leads.findAsOf(new FindLeadAsOfQuery(lead, version, date, access)), fieldsSet);
    }

    /**
     * Leads page by page, by number. Catalogue filters are written like identifiers ({@code status_identifier=name=Reach}).
     */
    @GetMapping("/list")
    Envelope<List<JsonNode>> list(@RequestParam Map<String, String> parameters, HttpServletRequest request) {
        LeadAccess access = leads.access(tokens.authenticate(parameters.get("token")));
        QueryParameters.allowOnly(request, LIST_PARAMETERS);
        String fieldsSet = parameters.get("fields_set");
        FieldSelection.check(fieldsSet);
        QueryParameters.Page page = QueryParameters.page(parameters.get("page"), parameters.get("records_per_page"),
                DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        FindLeadsQuery query = new FindLeadsQuery(
                filter(parameters, "contact_information_identifier", CatalogueKind.CONTACT),
                filter(parameters, "accounts_receivable_identifier", CatalogueKind.ACCOUNTS_RECEIVABLE),
                filter(parameters, "type_identifier", CatalogueKind.TYPE),
                filter(parameters, "category_identifier", CatalogueKind.CATEGORY),
                filter(parameters, "status_identifier", CatalogueKind.STATUS),
                filter(parameters, "owned_by_group_identifier", CatalogueKind.GROUP),
                filter(parameters, "assigned_to_user_identifier", CatalogueKind.USER),
                QueryParameters.choice("importance", parameters.get("importance"), Importance.class),
                QueryParameters.choice("life_cycle_state", parameters.get("life_cycle_state"), LifeCycleState.class),
                QueryParameters.date("updated_date_from", parameters.get("updated_date_from"), properties.zone(), limits),
                QueryParameters.dateEnd("updated_date_to", parameters.get("updated_date_to"), properties.zone(),
                        limits),
                parameters.get("search_value"), page.number(), page.size(), access);
        LeadPage leadPage = queryGateway.query(query, LeadPage.class).join();
        return Envelope.page(leadPage.leads().stream()
                        .map(lead -> FieldSelection.select(json.valueToTree(lead), fieldsSet)).toList(),
                new Envelope.Paging(page.number(), page.size(), leadPage.total()));
    }

    private String filter(Map<String, String> parameters, String name, CatalogueKind<?> kind) {
        String written = parameters.get(name);
        return written == null ? null : identifiers.find(name, QueryParameters.identifier(written), kind).id();
    }

    /** The time spent in each status: of one lead with {@code lead_identifier}, otherwise of all leads. */
    @GetMapping("/status_durations")
    Envelope<StatusDurations> statusDurations(@RequestParam(required = false) String token,
                                              @RequestParam(name = "lead_identifier", required = false)
                                              String leadIdentifier,
                                              HttpServletRequest request) {
        LeadAccess access = leads.access(tokens.authenticate(token));
        QueryParameters.allowOnly(request, Set.of("token", "lead_identifier"));
        LeadLookup lookup = leadIdentifier == null ? null
                : LeadService.lookup("lead_identifier", QueryParameters.identifier(leadIdentifier));
        return Envelope.ok(queryGateway.query(new FindStatusDurationsQuery(lookup, access),
                        ResponseTypes.optionalInstanceOf(StatusDurations.class)).join()
                .orElseThrow(() -> LeadService.notFound(lookup)));
    }

    /** Every change of one lead, oldest first, with who, where, when and in which request. */
    @GetMapping("/history")
    Envelope<List<HistoryEntry>> history(@RequestParam(required = false) String token,
                                         @RequestParam(name = "lead_identifier") String leadIdentifier,
                                         @RequestParam(required = false) String field,
                                         @RequestParam(required = false) String user,
                                         @RequestParam(name = "from_date", required = false) String fromDate,
                                         @RequestParam(name = "to_date", required = false) String toDate,
                                         @RequestParam(required = false) String page,
                                         @RequestParam(name = "records_per_page", required = false) String size,
                                         HttpServletRequest request) {
        LeadAccess access = leads.access(tokens.authenticate(token));
        QueryParameters.allowOnly(request, Set.of("token", "lead_identifier", "field", "user", "from_date", "to_date",
                "page", "records_per_page"));
        LeadLookup lookup = LeadService.lookup("lead_identifier", QueryParameters.identifier(leadIdentifier));
        QueryParameters.Page paging = QueryParameters.page(page, size, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
        Set<HistoryEntry.Changed> changed = field == null ? null
                : LeadWireNames.changedNamed(field).map(Set::of).orElse(Set.of());
        FindLeadHistoryQuery query = new FindLeadHistoryQuery(lookup, changed, user,
                QueryParameters.date("from_date", fromDate, properties.zone(), limits),
                QueryParameters.dateEnd("to_date", toDate, properties.zone(), limits), paging.number(), paging.size(),
                access);
        HistoryPage history = queryGateway.query(query, ResponseTypes.optionalInstanceOf(HistoryPage.class)).join()
                .orElseThrow(() -> LeadService.notFound(lookup));
        return Envelope.page(history.entries(), new Envelope.Paging(paging.number(), paging.size(), history.total()));
    }

    private ResponseEntity<Envelope<JsonNode>> answer(LeadComplete lead, String fieldsSet) {
        return ResponseEntity.ok()
                .eTag("\"" + lead.version() + "\"")
                .body(Envelope.ok(FieldSelection.select(json.valueToTree(lead), fieldsSet)));
    }
}
