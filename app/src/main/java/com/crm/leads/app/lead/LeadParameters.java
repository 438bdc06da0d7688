package com.crm.leads.app.lead;

import com.crm.leads.api.LeadField;
import com.crm.leads.api.PeriodUnit;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The lead parameters that create and update share, as the client sent them. Each is three-valued: a null field
 * was absent (leave it as it is), an empty {@code Optional} was sent as JSON null (clear it), and a present one
 * carries the new value; so are the lead fields in {@link #fields}. Constraints check each value as the contract's
 * parameter table says.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class LeadParameters {

    String token;
    String fieldsSet;
    /**
     * Makes the call safe to retry: the same id again within the idempotency window answers as the first time.
     * Checked where it is read with the header of the same meaning, in {@link Idempotency}.
     */
    String requestId;
    Optional<JsonNode> statusIdentifier;
    Optional<JsonNode> lostReasonIdentifier;
    Optional<JsonNode> billingAddressIdentifier;
    Optional<List<@NotNull(message = "must be an object") CompetitorEntry>> competitorsSet;
    Optional<List<@NotNull(message = "must be an object") UserEntry>> usersSet;
    Optional<List<@NotNull(message = "must be an object") ProductEntry>> productsSet;
    /** The spelling of {@code products_set} in the CRM.COM page's example. */
    Optional<List<@NotNull(message = "must be an object") ProductEntry>> leadProductsSet;
    Optional<List<@NotNull(message = "must be an object") ClassifiedProductEntry>> servicesSet;
    Optional<List<@NotNull(message = "must be an object") ClassifiedProductEntry>> physicalGoodsSet;
    Optional<List<@NotNull(message = "must be an object") ClassifiedProductEntry>> subscriptionPackages;
    /**
     * The lead fields' parameters as sent, in the order sent, each read by its {@link FieldInput}. Every parameter
     * not declared above arrives here; one that sets no field is refused then. Transient, so no client can send it.
     */
    transient Map<String, JsonNode> fieldParameters = new LinkedHashMap<>();
    /** The fields the call gives, each with its value as read, or null to clear it; absent fields are left as they are. */
    transient Map<LeadField, Object> fields = new EnumMap<>(LeadField.class);

    @JsonAnySetter
    void fieldParameter(String name, JsonNode value) {
        fieldParameters.put(name, value);
    }

    /** {@code {"unit_identifier": {...}, "user_identifier": {...}}}: the user, if given, belongs to the unit. */
    record AssignedTo(@NotNull(message = "is mandatory") JsonNode unitIdentifier, JsonNode userIdentifier) {
    }

    /** Where the lead came from: a communication, or a custom source with a name. */
    record Source(@NotNull(message = "is mandatory") SourceType type, JsonNode communicationIdentifier,
                  @Size(max = 255) String name) {
    }

    enum SourceType {
        COMMUNICATIONS, CUSTOM1, CUSTOM2, CUSTOM3
    }

    record TimePeriod(@NotNull(message = "is mandatory") @Positive Long timePeriodValue,
                      @NotNull(message = "is mandatory") PeriodUnit timePeriodUot) {
    }

    /** An entry of a set update: {@code action} is add or remove, in any letter case. */
    interface SetEntryParameters {
        String action();
    }

    record CompetitorEntry(String action, JsonNode competitorIdentifier, JsonNode leadCompetitorIdentifier)
            implements SetEntryParameters {
    }

    record UserEntry(String action, JsonNode userIdentifier, JsonNode leadUserIdentifier)
            implements SetEntryParameters {
    }

    record ProductEntry(String action, JsonNode leadProductIdentifier) implements SetEntryParameters {
    }

    /** An entry of the deprecated services, physical goods and subscription package sets: a product. */
    record ClassifiedProductEntry(String action, JsonNode productIdentifier) implements SetEntryParameters {
    }
}
