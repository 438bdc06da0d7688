package com.crm.leads.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static com.crm.leads.app.SetKind.ROW_ID;
import static com.crm.leads.app.SetKind.rowIds;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Set updates (LEADS-API.md, section 5, "Set updates") of {@code competitors_set}, {@code users_set},
 * {@code products_set} and its synonym {@code lead_products_set}: entries add and remove rows in the order given,
 * every row has an id of its own, and null empties the set.
 */
class LeadSetsApiTest extends ApiTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void addPutsTheMemberInARowOfItsOwnWithA32HexRowId(SetKind set) {
        JsonNode lead = newLead();
        assertThat(lead.path(set.field())).as("%s of a new lead", set.field()).isEmpty();

        JsonNode answer = applied(update(lead, set.parameter(), List.of(set.add(set.first()))));

        JsonNode rows = answer.path(set.field());
        assertThat(set.labels(rows)).containsExactly(set.first());
        assertThat(rows.get(0).path("id").asText()).matches(ROW_ID);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, set.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void theActionIsReadInAnyLetterCase(SetKind set) {
        JsonNode lead = newLead();

        JsonNode added = applied(update(lead, set.parameter(),
                List.of(set.add("ADD", set.first()), set.add("Add", set.second()))));
        assertThat(set.labels(added.path(set.field()))).containsExactly(set.first(), set.second());

        JsonNode removed = applied(update(added, set.parameter(), List.of(set.remove("REMOVE", set.first()))));
        assertThat(set.labels(removed.path(set.field()))).containsExactly(set.second());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void removeNamingTheMemberRemovesItsRowAndKeepsTheOthers(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()), set.add(set.second()))));
        JsonNode second = lead.path(set.field()).get(1);

        JsonNode answer = applied(update(lead, set.parameter(), List.of(set.remove(set.first()))));

        assertThat(answer.path(set.field())).containsExactly(second);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
        assertUnchangedBut(lead, answer, set.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void removeNamingTheRowIdFromTheAnswerRemovesThatRow(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()), set.add(set.second()))));
        JsonNode first = lead.path(set.field()).get(0);
        JsonNode second = lead.path(set.field()).get(1);

        JsonNode answer = applied(update(lead, set.parameter(),
                List.of(set.removeRow(second.path("id").asText()))));

        assertThat(answer.path(set.field())).containsExactly(first);
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void everyRowHasItsOwnRowIdThatStaysWithTheRow(SetKind set) {
        JsonNode lead = newLead();

        JsonNode one = applied(update(lead, set.parameter(), List.of(set.add(set.first()))));
        JsonNode two = applied(update(one, set.parameter(), List.of(set.add(set.second()))));
        JsonNode later = applied(update(two, "description", "a later change"));

        List<String> ids = rowIds(two.path(set.field()));
        assertThat(ids).hasSize(2).doesNotHaveDuplicates().allMatch(id -> id.matches(ROW_ID));
        assertThat(ids.get(0)).isEqualTo(one.path(set.field()).get(0).path("id").asText());
        assertThat(later.path(set.field())).isEqualTo(two.path(set.field()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void addingAMemberThatIsAlreadyInTheSetChangesNothing(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));

        JsonNode answer = applied(update(lead, set.parameter(), List.of(set.add(set.first()))));

        assertThat(version(answer)).isEqualTo(version(lead));
        assertSameLead(answer, lead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void addingOneMemberTwiceInOneCallMakesOneRow(SetKind set) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, set.parameter(),
                List.of(set.add(set.first()), set.add("ADD", set.first()))));

        assertThat(set.labels(answer.path(set.field()))).containsExactly(set.first());
        assertThat(version(answer)).isEqualTo(version(lead) + 1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void anEmptyListChangesNothing(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()), set.add(set.second()))));

        JsonNode answer = applied(update(lead, set.parameter(), List.of()));

        assertSameLead(answer, lead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void nullEmptiesTheSetWithOneChangePerRow(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()), set.add(set.second()))));
        assertThat(lead.path(set.field())).hasSize(2);

        JsonNode answer = applied(update(lead, set.parameter(), null));

        assertThat(answer.path(set.field()).isArray()).as("%s after null: %s", set.field(), answer).isTrue();
        assertThat(answer.path(set.field())).isEmpty();
        assertThat(version(answer)).isEqualTo(version(lead) + 2);
        assertUnchangedBut(lead, answer, set.field());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void nullForAnEmptySetChangesNothing(SetKind set) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, set.parameter(), null));

        assertSameLead(answer, lead);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void entriesApplyInOrderSoAnAddThenARemoveOfOneMemberLeavesItOut(SetKind set) {
        JsonNode lead = newLead();

        JsonNode answer = applied(update(lead, set.parameter(),
                List.of(set.add(set.first()), set.remove(set.first()))));

        assertThat(answer.path(set.field())).isEmpty();
        assertThat(version(answer)).as("one added, one removed").isEqualTo(version(lead) + 2);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.crm.leads.app.SetKind#sets")
    void entriesApplyInOrderSoARemoveThenAnAddOfOneMemberMakesANewRow(SetKind set) {
        JsonNode lead = newLead(Map.of(set.parameter(), List.of(set.add(set.first()))));
        String oldRowId = lead.path(set.field()).get(0).path("id").asText();

        JsonNode answer = applied(update(lead, set.parameter(),
                List.of(set.remove(set.first()), set.add(set.first()))));

        assertThat(set.labels(answer.path(set.field()))).containsExactly(set.first());
        assertThat(answer.path(set.field()).get(0).path("id").asText()).matches(ROW_ID).isNotEqualTo(oldRowId);
        assertThat(version(answer)).isEqualTo(version(lead) + 2);
    }
}
