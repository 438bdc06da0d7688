package com.crm.leads.app.lead;

import com.crm.leads.api.Importance;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The lead parameters that create and update share, as the client sent them. Each is three-valued: a null field
 * was absent (leave it as it is), an empty {@code Optional} was sent as JSON null (clear it), and a present one
 * carries the new value. Constraints check each value as the contract's parameter table says.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
class LeadParameters {

    String token;
    Optional<@Email(regexp = ".+@.+\\..+") String> contactEmail;
    Optional<@Pattern(regexp = "[0-9 +()\\-]{3,30}",
            message = "must be 3 to 30 digits, spaces or + - ( )") String> contactPhone;
    Optional<@Size(max = 4000) String> description;
    Optional<@DecimalMin("0") @DecimalMax("100") BigDecimal> probabilityToWin;
    Optional<Importance> importance;
    Optional<@Min(1) @Max(6) Integer> priority;
    Optional<@DecimalMin("0") BigDecimal> targetAmount;
    Optional<JsonNode> statusIdentifier;
    Optional<JsonNode> lostReasonIdentifier;
    Optional<JsonNode> categoryIdentifier;
    Optional<LocalDateTime> startDate;
    Optional<@Size(max = 255) String> udfString1;
    Optional<@Size(max = 255) String> udfString2;
    Optional<@Size(max = 255) String> udfString3;
    Optional<@Size(max = 255) String> udfString4;
    Optional<@Size(max = 255) String> udfString5;
    Optional<@Size(max = 255) String> udfString6;
    Optional<@Size(max = 255) String> udfString7;
    Optional<@Size(max = 255) String> udfString8;
    Optional<BigDecimal> udfFloat1;
    Optional<BigDecimal> udfFloat2;
    Optional<BigDecimal> udfFloat3;
    Optional<BigDecimal> udfFloat4;
    Optional<LocalDateTime> udfDate1;
    Optional<LocalDateTime> udfDate2;
    Optional<LocalDateTime> udfDate3;
    Optional<LocalDateTime> udfDate4;
}
