package com.crm.leads.app.lead;

import com.crm.leads.api.LeadId;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.command.LeadCommand;
import com.crm.leads.app.auth.Actor;
import com.crm.leads.app.config.InputLimits;
import com.crm.leads.app.config.LeadsProperties;
import com.crm.leads.app.web.ApiException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Safe retries: a create or update sent with a request id ({@code request_id} in the body or the
 * {@code Idempotency-Key} header) is recorded with the lead's version after it, in the transaction that stores its
 * events. The same id again within the window answers with the lead at that version and changes nothing; the same
 * id with another body is refused. Ids are per user, so two integrators cannot collide.
 */
@Component
public class Idempotency implements MessageHandlerInterceptor<CommandMessage<?>> {

    private static final String KEY = "idempotency_key";
    private static final String METHOD = "idempotency_method";
    private static final String HASH = "idempotency_hash";

    /** Bodies compare by content, whatever the order of their keys. */
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]+");

    private final JdbcTemplate jdbc;
    private final LeadsProperties properties;
    private final InputLimits limits;
    private final Clock clock;

    /** Axon registers this interceptor on the command bus, as it does every handler interceptor bean. */
    Idempotency(JdbcTemplate jdbc, LeadsProperties properties, InputLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.limits = limits;
        this.clock = clock;
    }

    /** A call's request id and what it asks, to compare a retry with. */
    record Retryable(String requestId, String method, String bodyHash) {

        MetaData metaData() {
            return MetaData.from(Map.of(KEY, requestId, METHOD, method, HASH, bodyHash));
        }
    }

    /** A call that was done: the lead and its version after it. */
    record Done(LeadId leadId, long version) {
    }

    /** The call's request id, if it has one: in the body or the header, and the same if in both. */
    Optional<Retryable> call(String method, ObjectNode body, String header) {
        JsonNode inBody = body.get("request_id");
        String fromBody = inBody == null || !inBody.isTextual() ? null : checked("request_id", inBody.textValue());
        checked("Idempotency-Key", header);
        if (fromBody != null && header != null && !fromBody.equals(header)) {
            throw ApiException.invalidParameter("request_id",
                    "request_id and the Idempotency-Key header differ: send one id for the call");
        }
        String requestId = fromBody != null ? fromBody : header;
        if (requestId == null) {
            return Optional.empty();
        }
        ObjectNode asked = body.deepCopy();
        asked.remove("token");
        asked.remove("request_id");
        return Optional.of(new Retryable(requestId, method, hash(asked)));
    }

    /**
     * The earlier call with the same id within the window, if any. The same id for another request is the
     * caller's mistake and is refused rather than guessed at.
     */
    Optional<Done> done(Actor actor, Retryable call) {
        Timestamp windowStart = Timestamp.from(clock.instant().minus(properties.idempotencyWindow()));
        return jdbc.query("SELECT method, body_hash, lead_id, lead_version FROM idempotency_record "
                                + "WHERE user_id = ? AND request_id = ? AND recorded_at > ?",
                        (rs, row) -> {
                            if (!rs.getString(1).equals(call.method()) || !rs.getString(2).equals(call.bodyHash())) {
                                throw ApiException.invalidParameter("request_id", "request_id " + call.requestId()
                                        + " was used for another request; a retry sends the same request again");
                            }
                            return new Done(new LeadId(rs.getString(3)), rs.getLong(4));
                        },
                        actor.user().id(), call.requestId(), windowStart)
                .stream().findFirst();
    }

    /** Deletes the records past the window, which no retry finds any more; true if it may have left some. */
    public boolean purge(int batch) {
        Timestamp windowStart = Timestamp.from(clock.instant().minus(properties.idempotencyWindow()));
        return jdbc.update("DELETE FROM idempotency_record WHERE (user_id, request_id) IN (SELECT user_id, request_id "
                + "FROM idempotency_record WHERE recorded_at <= ? FETCH FIRST " + batch + " ROWS ONLY)", windowStart)
                == batch;
    }

    /** Records the call in the command's own transaction, once its handler has succeeded. */
    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object version = chain.proceed();
        MetaData metaData = unitOfWork.getMessage().getMetaData();
        if (metaData.containsKey(KEY) && unitOfWork.getMessage().getPayload() instanceof LeadCommand command) {
            String userId = (String) metaData.get(LeadMetadata.USER_ID);
            Timestamp now = Timestamp.from(clock.instant());
            // an expired record of the same id gives way to the new call
            jdbc.update("DELETE FROM idempotency_record WHERE user_id = ? AND request_id = ? AND recorded_at <= ?",
                    userId, metaData.get(KEY), Timestamp.from(clock.instant().minus(properties.idempotencyWindow())));
            jdbc.update("INSERT INTO idempotency_record (user_id, request_id, method, body_hash, lead_id, lead_version, "
                            + "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    userId, metaData.get(KEY), metaData.get(METHOD), metaData.get(HASH), command.leadId().value(),
                    version, now);
        }
        return version;
    }

    /** A request id is 1 to the limit's length of visible ASCII characters, so it fits its column as it was sent. */
    private String checked(String parameter, String requestId) {
        int longest = limits.requestIdLength();
        if (requestId != null && !(requestId.length() <= longest && VISIBLE_ASCII.matcher(requestId).matches())) {
            throw ApiException.invalidParameter(parameter, parameter + " must be 1 to " + longest
                    + " visible ASCII characters (! to ~, no spaces)");
        }
        return requestId;
    }

    private static String hash(JsonNode body) {
        try {
            Object canonical = CANONICAL.treeToValue(body, Object.class);
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CANONICAL.writeValueAsString(canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("a parsed body can always be written again", e);
        }
    }
}
