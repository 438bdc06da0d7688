package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.crm.leads.app.SetKind.COMPETITORS;
import static com.crm.leads.app.SetKind.PRODUCTS;
import static com.crm.leads.app.SetKind.USERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The set entries that {@code leads/update} refuses (LEADS-API.md, section 5, "Set updates"), each naming the
 * entry by its path, and the whole call then changes nothing.
 */
class LeadSetEntriesRefusedApiTest extends ApiTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void removingAMemberThatIsNotInTheSetIsNotFound400NamingTheEntryAndTheWholeCallChangesNothing(
            SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));

        refused(lead, update(lead, "description", "a valid change in the same call",
                        set.parameter(), List.of(set.add(set.second()), set.remove(set.third()))),
                "NOT_FOUND", 400, set.parameter() + "[1]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void removingARowIdTheSetDoesNotHaveIsNotFound400NamingTheEntry(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));

        refused(lead, update(lead, set.parameter(), List.of(set.removeRow("0123456789ABCDEF0123456789ABCDEF"))),
                "NOT_FOUND", 400, set.parameter() + "[0]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void theIdOfARowIdentifierIsTheRowIdNotTheMembersId(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        String memberId = lead.path(set.field()).get(0).path(set.memberField()).path("id").asText();
        assertThat(memberId).isNotEmpty().isNotEqualTo(lead.path(set.field()).get(0).path("id").asText());

        refused(lead, update(lead, set.parameter(), List.of(set.removeRow(memberId))),
                "NOT_FOUND", 400, set.parameter() + "[0]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void aRowIdOfAnotherLeadNamesNoRowOfThisOne(SetKind set) {
        JsonNode other = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        String otherRowId = other.path(set.field()).get(0).path("id").asText();

        refused(lead, update(lead, set.parameter(), List.of(set.removeRow(otherRowId))),
                "NOT_FOUND", 400, set.parameter() + "[0]");
        assertThat(show(admin, other).ok().data()).isEqualTo(other);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void actionUpdateIsInvalidParameterSayingThatRowsHaveNothingToUpdate(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));

        Answer answer = refused(lead, update(lead, set.parameter(), List.of(set.add("update", set.first()))),
                "INVALID_PARAMETER", 400, set.parameter() + "[0].action");

        assertThat(answer.message()).containsIgnoringCase("nothing to update");
    }

    static Stream<Arguments> unknownActions() {
        List<Arguments> cases = new ArrayList<>();
        SetKind.sets().forEach(set -> {
            for (String action : new String[]{"frobnicate", "delete", "", " add"}) {
                cases.add(arguments(set, action));
            }
            cases.add(arguments(set, null));
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, action \"{1}\"")
    @MethodSource("unknownActions")
    void anActionOtherThanAddOrRemoveIsInvalidParameter(SetKind set, String action) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), List.of(set.add(set.first()), set.add(action, set.second()))),
                "INVALID_PARAMETER", 400, set.parameter() + "[1].action");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void anEntryWithoutActionIsInvalidParameter(SetKind set) {
        JsonNode lead = newLead();
        Map<String, Object> entry = new LinkedHashMap<>(set.add(set.first()));
        entry.remove("action");

        refused(lead, update(lead, set.parameter(), List.of(entry)),
                "INVALID_PARAMETER", 400, set.parameter() + "[0].action");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void aNullEntryInTheListIsInvalidParameterNamingTheEntry(SetKind set) {
        JsonNode lead = newLead();
        ArrayNode entries = json.createArrayNode();
        entries.add(json.valueToTree(set.add(set.first())));
        entries.addNull();

        refused(lead, update(lead, set.parameter(), entries), "INVALID_PARAMETER", 400, set.parameter() + "[1]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void anEntryThatIsNotAnObjectIsInvalidParameter(SetKind set) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), List.of(set.first())),
                "INVALID_PARAMETER", 400, set.parameter() + "[0]");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void aSetThatIsNotAListIsInvalidParameter(SetKind set) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), set.add(set.first())), "INVALID_PARAMETER", 400, set.parameter());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void anUnknownMemberIsNotFound400NamingItsIdentifier(SetKind set) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), List.of(set.add("No Such Member"))),
                "NOT_FOUND", 400, set.memberPath(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void memberNamesMatchExactlyWithCase(SetKind set) {
        JsonNode lead = newLead();

        refused(lead, update(lead, set.parameter(), List.of(set.add(set.first().toUpperCase()))),
                "NOT_FOUND", 400, set.memberPath(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void aMemberIdentifierWithTwoIdentifyingFieldsIsInvalidIdentifier(SetKind set) {
        JsonNode lead = newLead();
        Map<String, Object> identifier = Map.of(set.identifyingField(), set.first(), "id", "1");
        Map<String, Object> member = Map.of(set.memberKey(), identifier);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("action", "add");
        entry.putAll(set.addInsideRow() ? Map.of(set.rowKey(), member) : member);

        refused(lead, update(lead, set.parameter(), List.of(entry)), "INVALID_IDENTIFIER", 400, set.memberPath(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void aRowIdentifierWithBothARowIdAndAMemberIsInvalidIdentifier(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        String rowId = lead.path(set.field()).get(0).path("id").asText();
        Map<String, Object> rowIdentifier = Map.of("id", rowId,
                set.memberKey(), Map.of(set.identifyingField(), set.first()));

        refused(lead, update(lead, set.parameter(), List.of(Map.of("action", "remove", set.rowKey(), rowIdentifier))),
                "INVALID_IDENTIFIER", 400, set.parameter() + "[0]." + set.rowKey());
    }

    @Test
    void aRefusedEntryInOneSetRefusesTheOtherSetsFieldsAndStatusMoveOfTheSameCall() {
        JsonNode lead = newLead(Map.of("competitors_set", List.of(COMPETITORS.add("Competitor 1"))));

        refused(lead, update(lead,
                        "status_identifier", Map.of("name", "Won"),
                        "competitors_set", List.of(COMPETITORS.add("Competitor 2"), COMPETITORS.remove("Competitor 1")),
                        "products_set", List.of(PRODUCTS.add("Add-ons")),
                        "users_set", List.of(USERS.remove("supervisor")),
                        "priority", 1),
                "NOT_FOUND", 400, "users_set[0]");
    }
}
