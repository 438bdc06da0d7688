package com.crm.leads.app;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The fields of {@code lead_complete}, the lead as the service answers it (LEADS-API.md, section 7). */
final class LeadCompleteFields {

    static final List<String> UDF_STRINGS = numbered("udf_string_", 8);
    static final List<String> UDF_FLOATS = numbered("udf_float_", 4);
    static final List<String> UDF_DATES = numbered("udf_date_", 4);

    /** Every field of {@code lead_complete}. */
    static final List<String> FIELDS = concat(List.of(
            "id", "number", "life_cycle_state", "status", "lost_reason", "category", "type", "importance",
            "priority", "probability_to_win", "target_amount", "description", "contact_email", "contact_phone",
            "start_date", "expected_completion_date", "actual_completion_date", "estimated_completion_time",
            "time_to_completion", "time_overdue", "lead_source", "assigned_to", "lead_owner", "owned_by_group",
            "privacy_level", "subscription_package", "contact_information", "accounts_receivable",
            "competitors_set", "users_set", "products_set", "log_information", "version"),
            UDF_STRINGS, UDF_FLOATS, UDF_DATES);

    /** The fields a lead made of only the mandatory parameters leaves unset, so null. */
    static final List<String> UNSET_ON_A_PLAIN_LEAD = concat(List.of(
            "lost_reason", "category", "probability_to_win", "target_amount", "description", "contact_email",
            "contact_phone", "start_date", "actual_completion_date", "accounts_receivable"),
            UDF_STRINGS, UDF_FLOATS, UDF_DATES);

    private LeadCompleteFields() {
    }

    private static List<String> numbered(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + i).toList();
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
