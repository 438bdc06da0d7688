package com.crm.leads.app.lead;

import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.catalogue.Unit;
import com.crm.leads.api.catalogue.User;
import com.crm.leads.api.query.ChangeFilter;
import com.crm.leads.api.query.ChangePage;
import com.crm.leads.api.query.FeedPosition;
import com.crm.leads.api.query.FindLeadChangesQuery;
import com.crm.leads.api.query.HistoryEntry;
import com.crm.leads.api.query.LeadChange;
import com.crm.leads.api.query.LeadChangeStreams;
import com.crm.leads.app.auth.Tokens;
import com.crm.leads.app.config.LeadsProperties;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.Envelope;
import com.crm.leads.app.web.QueryParameters;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code leads/changes}: every change after a position the client keeps, a page at a time (section 10), in the
 * vocabulary of {@code leads/history}. Only the leads open to the token are in it.
 */
@RestController
@RequestMapping(path = "/crmapi/rest/v2/leads", produces = MediaType.APPLICATION_JSON_VALUE)
class ChangeFeedController {

    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    private static final Set<String> STREAM_PARAMETERS = Set.of("token", "after", "lead_identifier", "event", "field");
    private static final Set<String> PAGE_PARAMETERS = Stream.concat(STREAM_PARAMETERS.stream(), Stream.of("limit"))
            .collect(Collectors.toUnmodifiableSet());

    private final Tokens tokens;
    private final LeadService leads;
    private final QueryGateway queryGateway;
    private final LeadChangeStreams streams;
    private final LeadsProperties properties;
    private final Executor sending;

    ChangeFeedController(Tokens tokens, LeadService leads, QueryGateway queryGateway, LeadChangeStreams streams,
                         LeadsProperties properties,
                         @Qualifier("changeFeedSending") Executor sending) {
        this.tokens = tokens;
        this.leads = leads;
        this.queryGateway = queryGateway;
        this.streams = streams;
        this.properties = properties;
        this.sending = sending;
    }

    /**
     * A change as the feed writes it. An event that changes one thing names it in {@code field} with its values;
     * one that changes several at once (the creation, a move to a lost status with its reason) has no
     * {@code field}, and its values are objects keyed by what each changed.
     */
    record Change(String position, Lead lead, long sequenceNumber, HistoryEntry.Event event, String eventId,
                  HistoryEntry.Changed field, Object oldValue, Object newValue, User performedByUser,
                  Unit performedByUnit, Instant performedDate, String requestId, Long revertedTo) {

        record Lead(String id, String number) {
        }

        static Change of(LeadChange change) {
            List<LeadChange.Entry> entries = change.entries();
            boolean one = entries.size() == 1;
            return new Change(FeedPositions.write(change.position()),
                    new Lead(change.leadId().value(), change.leadNumber()), change.sequenceNumber(), change.event(),
                    change.eventId(), one ? entries.get(0).changed() : null,
                    one ? entries.get(0).oldValue() : byChanged(entries, LeadChange.Entry::oldValue),
                    one ? entries.get(0).newValue() : byChanged(entries, LeadChange.Entry::newValue),
                    change.performedByUser(), change.performedByUnit(), change.performedDate(), change.requestId(),
                    change.revertedTo());
        }

        private static Map<String, Object> byChanged(List<LeadChange.Entry> entries,
                                                     Function<LeadChange.Entry, Object> value) {
            Map<String, Object> values = new LinkedHashMap<>();
            entries.forEach(entry -> values.put(LeadWireNames.changed(entry.changed()), value.apply(entry)));
            return values;
        }
    }

    @GetMapping("/changes")
    Envelope<List<Change>> page(@RequestParam(required = false) String token,
                                @RequestParam(required = false) String after,
                                @RequestParam(required = false) String limit,
                                @RequestParam(name = "lead_identifier", required = false) String leadIdentifier,
                                @RequestParam(required = false) String event,
                                @RequestParam(required = false) String field,
                                HttpServletRequest request) {
        LeadAccess access = leads.access(tokens.authenticate(token));
        QueryParameters.allowOnly(request, PAGE_PARAMETERS);
        ChangeFilter filter = filter(leadIdentifier, event, field);
        FindLeadChangesQuery query = new FindLeadChangesQuery(FeedPositions.read("after", after), filter,
                QueryParameters.number("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT), access);
        ChangePage page = queryGateway.query(query, ResponseTypes.optionalInstanceOf(ChangePage.class)).join()
                .orElseThrow(() -> LeadService.notFound(filter.lead()));
        return Envelope.feedPage(page.changes().stream().map(Change::of).toList(),
                FeedPositions.write(page.next()));
    }

    /**
     * The same changes as a server-sent event stream that stays open: each change's {@code id:} is its position, so
     * a browser's {@code EventSource} resumes with {@code Last-Event-ID} by itself; {@code after} does the same for
     * any client.
     */
    @GetMapping(path = "/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@RequestParam(required = false) String token,
                      @RequestParam(required = false) String after,
                      @RequestParam(name = "lead_identifier", required = false) String leadIdentifier,
                      @RequestParam(required = false) String event,
                      @RequestParam(required = false) String field,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      HttpServletRequest request) {
        LeadAccess access = leads.access(tokens.authenticate(token));
        QueryParameters.allowOnly(request, STREAM_PARAMETERS);
        ChangeFilter filter = filter(leadIdentifier, event, field);
        FeedPosition start = after != null ? FeedPositions.read("after", after)
                : FeedPositions.read("Last-Event-ID", lastEventId);
        // no time limit: heartbeats find out when a client has gone
        SseEmitter emitter = new SseEmitter(0L);
        LeadsProperties.ChangeFeed settings = properties.changeFeed();
        StreamClient client = new StreamClient(emitter, settings.streamBuffer(), settings.heartbeat(), sending);
        client.reads(streams.open(start, filter, access, client)
                .orElseThrow(() -> LeadService.notFound(filter.lead())));
        return emitter;
    }

    private static ChangeFilter filter(String leadIdentifier, String event, String field) {
        return new ChangeFilter(leadIdentifier == null ? null
                : LeadService.lookup("lead_identifier", QueryParameters.identifier(leadIdentifier)),
                names("event", event, name -> Arrays.stream(HistoryEntry.Event.values())
                        .filter(known -> known.name().equals(name)).findFirst().orElse(null)),
                names("field", field, name -> LeadWireNames.changedNamed(name).orElse(null)));
    }

    /** A comma-separated list of names, each one {@code named} knows (null for one it does not); null when absent. */
    private static <T> Set<T> names(String parameter, String written, Function<String, T> named) {
        if (written == null) {
            return null;
        }
        return Arrays.stream(written.split(",", -1)).map(name -> {
            T known = named.apply(name.trim());
            if (known == null) {
                throw ApiException.invalidParameter(parameter, parameter + " names no " + parameter + " " + name);
            }
            return known;
        }).collect(Collectors.toUnmodifiableSet());
    }
}
