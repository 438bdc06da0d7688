package com.crm.leads.app.lead;

import com.crm.leads.api.Importance;
import com.crm.leads.api.PeriodUnit;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The lead parameters that create and update share, as the client sent them. Each is three-valued: a null field
 * was absent (leave it as it is), an empty {@code Optional} was sent as JSON null (clear it), and a present one
 * carries the new value. Constraints check each value as the contract's parameter table says.
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
    Optional<@Email(regexp = ".+@.+\\..+") String> contactEmail;
    Optional<@Pattern(regexp = "[0-9 +()\\-]{3,30}",
            message = "must be 3 to 30 digits, spaces or + - ( )") String> contactPhone;
    Optional<@Size(max = 4000) String> description;
    Optional<@DecimalMin("0") @DecimalMax("100") BigDecimal> probabilityToWin;
    Optional<Importance> importance;
    Optional<@Min(1) @Max(6) Integer> priority;
    Optional<@DecimalMin("0") @WithinLimits BigDecimal> targetAmount;
    Optional<JsonNode> statusIdentifier;
    Optional<JsonNode> lostReasonIdentifier;
    Optional<JsonNode> billingAddressIdentifier;
    Optional<JsonNode> categoryIdentifier;
    Optional<JsonNode> ownedByGroupIdentifier;
    Optional<JsonNode> privacyLevelIdentifier;
    Optional<JsonNode> subscriptionPackageIdentifier;
    Optional<JsonNode> leadOwner;
    Optional<@Valid AssignedTo> assignedTo;
    Optional<@Valid Source> source;
    Optional<@WithinLimits LocalDateTime> startDate;
    Optional<@WithinLimits LocalDateTime> expectedCompletionDate;
    Optional<@Valid @WithinLimits TimePeriod> estimatedCompletionTime;
    Optional<List<@NotNull(message = "must be an object") CompetitorEntry>> competitorsSet;
    Optional<List<@NotNull(message = "must be an object") UserEntry>> usersSet;
    Optional<List<@NotNull(message = "must be an object") ProductEntry>> productsSet;
    /** The spelling of {@code products_set} in the CRM.COM page's example. */
    Optional<List<@NotNull(message = "must be an object") ProductEntry>> leadProductsSet;
    Optional<List<@NotNull(message = "must be an object") ClassifiedProductEntry>> servicesSet;
    Optional<List<@NotNull(message = "must be an object") ClassifiedProductEntry>> physicalGoodsSet;
    Optional<List<@NotNull(message = "must be an object") ClassifiedProductEntry>> subscriptionPackages;
    Optional<@Size(max = 255) String> udfString1;
    Optional<@Size(max = 255) String> udfString2;
    Optional<@Size(max = 255) String> udfString3;
    Optional<@Size(max = 255) String> udfString4;
    Optional<@Size(max = 255) String> udfString5;
    Optional<@Size(max = 255) String> udfString6;
    Optional<@Size(max = 255) String> udfString7;
    Optional<@Size(max = 255) String> udfString8;
    Optional<@WithinLimits BigDecimal> udfFloat1;
    Optional<@WithinLimits BigDecimal> udfFloat2;
    Optional<@WithinLimits BigDecimal> udfFloat3;
    Optional<@WithinLimits BigDecimal> udfFloat4;
    Optional<@WithinLimits LocalDateTime> udfDate1;
    Optional<@WithinLimits LocalDateTime> udfDate2;
    Optional<@WithinLimits LocalDateTime> udfDate3;
    Optional<@WithinLimits LocalDateTime> udfDate4;

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
