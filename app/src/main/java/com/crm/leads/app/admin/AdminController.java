package com.crm.leads.app.admin;

import com.crm.leads.app.announcements.StatusAnnouncements;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.auth.Tokens;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.Envelope;
import com.crm.leads.app.web.ErrorCode;
import com.crm.leads.app.web.QueryParameters;
import com.crm.leads.query.ProcessingGroups;
import com.crm.leads.query.ReadModelRebuild;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * Maintenance for administrators: rebuilding the read models from the event store, and the events that the
 * eventually consistent projections could not take (their dead letters), listed and retried.
 */
@RestController
@RequestMapping(path = "/crmapi/rest/v2/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);
    static final List<String> DEAD_LETTER_GROUPS =
            List.of(ProcessingGroups.STATUS_DURATIONS, StatusAnnouncements.GROUP);

    private final Tokens tokens;
    private final ReadModelRebuild rebuild;
    private final EventProcessingConfiguration processing;

    AdminController(Tokens tokens, ReadModelRebuild rebuild,
                    EventProcessingConfiguration processing) {
        this.tokens = tokens;
        this.rebuild = rebuild;
        this.processing = processing;
    }

    /**
     * What a rebuild did: the lead read model rebuilt beside and switched; which pooled projections replay, and
     * which could not, with why.
     */
    record RebuildAnswer(long events, int leads, int replaced, int refolded, List<String> replaying,
                         Map<String, String> notReplayed) {

        RebuildAnswer(ReadModelRebuild.Report report, List<String> replaying, Map<String, String> notReplayed) {
            this(report.events(), report.leads(), report.replaced(), report.refolded(), replaying, notReplayed);
        }
    }

    /**
     * Rebuilds the lead read model from the event store while the service keeps answering, and replays the
     * status durations from the first event (they answer with {@code complete: false} until they catch up).
     */
    @PostMapping(path = "/rebuild", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<RebuildAnswer> rebuild(@RequestBody ObjectNode body) {
        Actor actor = administrator(body.path("token").textValue());
        log.info("Rebuild asked for by {}", actor.user().username());
        ReadModelRebuild.Report report = rebuild.rebuild();
        StreamingEventProcessor durations = processing
                .eventProcessor(ProcessingGroups.STATUS_DURATIONS, StreamingEventProcessor.class).orElseThrow();
        durations.shutDown();
        try {
            durations.resetTokens();
            log.info("Replaying {} from the first event", ProcessingGroups.STATUS_DURATIONS);
            return Envelope.ok(new RebuildAnswer(report, List.of(ProcessingGroups.STATUS_DURATIONS), Map.of()));
        } catch (UnableToClaimTokenException sharedWithOtherInstances) {
            // Axon replays a processor only where one instance holds all its segments
            log.warn("Not replaying {}: {}", ProcessingGroups.STATUS_DURATIONS, sharedWithOtherInstances.getMessage());
            return Envelope.ok(new RebuildAnswer(report, List.of(), Map.of(ProcessingGroups.STATUS_DURATIONS,
                    "other instances hold some of its segments: stop them, or run the rebuild while this instance "
                    + "runs alone")));
        } finally {
            durations.start();
        }
    }

    /** A dead letter: an event a projection failed on, waiting with the sequence it belongs to. */
    record DeadLetterView(String processingGroup, String eventType, String eventId, Instant enqueuedAt,
                          String cause) {
    }

    @GetMapping("/dead_letters")
    Envelope<List<DeadLetterView>> deadLetters(@RequestParam(required = false) String token,
                                               HttpServletRequest request) {
        administrator(token);
        QueryParameters.allowOnly(request, Set.of("token"));
        List<DeadLetterView> letters = new ArrayList<>();
        for (String group : DEAD_LETTER_GROUPS) {
            queue(group).deadLetters().forEach(sequence -> StreamSupport.stream(sequence.spliterator(), false)
                    .forEach(letter -> letters.add(new DeadLetterView(group, letter.message().getPayloadType()
                            .getSimpleName(), letter.message().getIdentifier(), letter.enqueuedAt(),
                            letter.cause().map(cause -> cause.message()).orElse(null)))));
        }
        return Envelope.ok(letters);
    }

    /** What a retry did: how many sequences of dead letters went through, and how many are still waiting. */
    record RetryAnswer(int retried, long stillDead) {
    }

    @PostMapping(path = "/dead_letters/retry", consumes = MediaType.APPLICATION_JSON_VALUE)
    Envelope<RetryAnswer> retry(@RequestBody ObjectNode body) {
        administrator(body.path("token").textValue());
        int retried = 0;
        long stillDead = 0;
        for (String group : DEAD_LETTER_GROUPS) {
            SequencedDeadLetterProcessor<EventMessage<?>> processor =
                    processing.sequencedDeadLetterProcessor(group).orElseThrow();
            long sequences = queue(group).amountOfSequences();
            for (long attempt = 0; attempt < sequences && processor.processAny(); attempt++) {
                retried++;
            }
            stillDead += queue(group).amountOfSequences();
        }
        return Envelope.ok(new RetryAnswer(retried, stillDead));
    }

    private SequencedDeadLetterQueue<EventMessage<?>> queue(String group) {
        return processing.deadLetterQueue(group).orElseThrow();
    }

    private Actor administrator(String token) {
        Actor actor = tokens.authenticate(token);
        if (!actor.administrator()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "token",
                    "only an administrator of the catalogue may do this");
        }
        return actor;
    }
}
