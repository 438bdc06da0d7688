package com.crm.leads.app.lead;

import com.crm.leads.api.command.LeadCommand;
import com.crm.leads.api.command.LeadRuleViolation;
import com.crm.leads.app.web.ApiException;
import com.crm.leads.app.web.ErrorCode;
import org.springframework.http.HttpStatus;

import java.util.List;

/**
 * A command made from a call, with what it takes to tell the caller why the lead refused it in the caller's terms:
 * the parameters its set updates came from, in the command's order.
 */
record PreparedCommand(LeadCommand command, List<String> setParameters) {

    PreparedCommand {
        setParameters = List.copyOf(setParameters);
    }

    /** The refusal as the API answers it: the rule's code, the parameter the subject stands for, and why. */
    ApiException refusal(LeadRuleViolation violation) {
        ErrorCode code = switch (violation.getRule()) {
            case LEAD_NOT_OPEN -> ErrorCode.NOT_FOUND;
            case LEAD_CLOSED -> ErrorCode.LEAD_CLOSED;
            case LOST_REASON_REQUIRED -> ErrorCode.LOST_REASON_REQUIRED;
            case REFUSED_VALUE -> ErrorCode.INVALID_PARAMETER;
            case ENTRY_NOT_FOUND -> ErrorCode.NOT_FOUND;
            case VERSION_CONFLICT -> ErrorCode.VERSION_CONFLICT;
            case NOT_PERMITTED -> ErrorCode.FORBIDDEN;
        };
        // a set entry that is not there is the caller's bad parameter, not a missing resource
        HttpStatus status = violation.getRule() == LeadRuleViolation.Rule.ENTRY_NOT_FOUND
                ? HttpStatus.BAD_REQUEST : code.status();
        return new ApiException(code, status, LeadWireNames.parameter(violation.getSubject(), setParameters),
                violation.describe(subject -> LeadWireNames.parameter(subject, setParameters)));
    }
}
