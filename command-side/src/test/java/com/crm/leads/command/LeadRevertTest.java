package com.crm.leads.command;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadMetadata;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetMember;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.command.LeadRuleViolation;
import com.crm.leads.api.command.LeadRuleViolation.Subject;
import com.crm.leads.api.command.RevertLeadCommand;
import com.crm.leads.api.command.RevertOutcome;
import com.crm.leads.api.event.CompetitorAdded;
import com.crm.leads.api.event.CompetitorRemoved;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.LeadEvent;
import com.crm.leads.api.event.LeadReopened;
import com.crm.leads.api.event.StatusChanged;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static com.crm.leads.api.LeadField.CONTACT_EMAIL;
import static com.crm.leads.api.LeadField.DESCRIPTION;
import static com.crm.leads.api.LeadField.IMPORTANCE;
import static com.crm.leads.api.LeadField.PRIORITY;
import static com.crm.leads.command.LeadHistories.CONTACTED;
import static com.crm.leads.command.LeadHistories.FIRST;
import static com.crm.leads.command.LeadHistories.IMPORTANT;
import static com.crm.leads.command.LeadHistories.LEAD;
import static com.crm.leads.command.LeadHistories.REACH;
import static com.crm.leads.command.LeadHistories.WON;
import static com.crm.leads.command.LeadHistories.created;
import static com.crm.leads.command.LeadHistories.violation;
import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.messageWithPayload;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasProperty;

/**
 * A revert (LEADS-API.md, section 10) brings every field, set and the status back to as they stood after an event
 * of the lead, read from its own events: new events, one per difference, each naming the version; history is never
 * rewritten, and a lead already as it was gets none.
 */
class LeadRevertTest {

    private static final FieldValue FIRST_EMAIL = new FieldValue.Text("first@example.com");
    private static final FieldValue LATER_EMAIL = new FieldValue.Text("later@example.com");
    private static final FieldValue DESCRIBED = new FieldValue.Text("described later");
    private static final SetRow MAGNAQUEST = new SetRow("A0000000000000000000000000000001", SetMember.competitor(new Reference("K1",
            "MagnaQuest")));
    private static final SetRow COMPETITOR_1 = new SetRow("A0000000000000000000000000000002", SetMember.competitor(new Reference("K2",
            "Competitor 1")));

    /** What brings the lead of the first test back to its version 2: fields, then rows, then the status. */
    private static final List<LeadEvent> BACK_TO_2 = List.of(
            new FieldChanged(LEAD, CONTACT_EMAIL, LATER_EMAIL, FIRST_EMAIL),
            new FieldChanged(LEAD, DESCRIPTION, DESCRIBED, null),
            new CompetitorRemoved(LEAD, COMPETITOR_1),
            new CompetitorAdded(LEAD, MAGNAQUEST),
            new StatusChanged(LEAD, CONTACTED, REACH, null, null));

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
        fixture.registerInjectableResource(fixture.getEventStore());
    }

    @Test
    void aRevertUndoesEveryChangeAfterTheVersionFieldsThenRowsThenTheStatusEachNamingTheVersion() {
        fixture.given(created(REACH),
                        new FieldChanged(LEAD, CONTACT_EMAIL, null, FIRST_EMAIL),
                        new CompetitorAdded(LEAD, MAGNAQUEST),
                        new FieldChanged(LEAD, CONTACT_EMAIL, FIRST_EMAIL, LATER_EMAIL),
                        new FieldChanged(LEAD, DESCRIPTION, null, DESCRIBED),
                        new CompetitorRemoved(LEAD, MAGNAQUEST),
                        new CompetitorAdded(LEAD, COMPETITOR_1),
                        new StatusChanged(LEAD, REACH, CONTACTED, null, null))
                .when(revert(2, null, false))
                .expectEventsMatching(exactSequenceOf(
                        revertedTo(2, BACK_TO_2.get(0)), revertedTo(2, BACK_TO_2.get(1)),
                        revertedTo(2, BACK_TO_2.get(2)), revertedTo(2, BACK_TO_2.get(3)),
                        revertedTo(2, BACK_TO_2.get(4)), andNoMore()))
                .expectResultMessagePayload(new RevertOutcome(12, BACK_TO_2));
    }

    @Test
    void aDryRunAnswersTheEventsARevertWouldMakeAndStoresNone() {
        fixture.given(created(REACH), new FieldChanged(LEAD, CONTACT_EMAIL, null, FIRST_EMAIL))
                .when(revert(0, null, true))
                .expectNoEvents()
                .expectResultMessagePayload(new RevertOutcome(1, List.of(
                        new FieldChanged(LEAD, CONTACT_EMAIL, FIRST_EMAIL, null))));
    }

    @Test
    void aLeadAlreadyAsItWasGetsNoEvent() {
        fixture.given(created(REACH), new FieldChanged(LEAD, CONTACT_EMAIL, null, FIRST_EMAIL),
                        new FieldChanged(LEAD, CONTACT_EMAIL, FIRST_EMAIL, LATER_EMAIL),
                        new FieldChanged(LEAD, CONTACT_EMAIL, LATER_EMAIL, FIRST_EMAIL))
                .when(revert(1, null, false))
                .expectNoEvents()
                .expectResultMessagePayload(new RevertOutcome(3, List.of()));
    }

    @Test
    void aVersionBeyondTheLeadsIsRefused() {
        fixture.given(created(REACH), new FieldChanged(LEAD, CONTACT_EMAIL, null, FIRST_EMAIL))
                .when(revert(2, null, false))
                .expectException(violation(LeadRuleViolation.Rule.REFUSED_VALUE, Subject.TO_VERSION));
    }

    @Test
    void aRevertNeverTakesAMandatoryFieldAway() {
        fixture.given(created(REACH), new FieldChanged(LEAD, PRIORITY, null, FIRST),
                        new FieldChanged(LEAD, IMPORTANCE, null, IMPORTANT))
                .when(revert(1, null, false))
                .expectException(violation(LeadRuleViolation.Rule.REFUSED_VALUE, Subject.TO_VERSION));
    }

    @Test
    void aClosedLeadIsReopenedBeforeItIsReverted() {
        fixture.given(created(REACH), new StatusChanged(LEAD, REACH, WON, null, null))
                .when(revert(0, null, false))
                .expectException(violation(LeadRuleViolation.Rule.LEAD_CLOSED, Subject.LEAD));
    }

    @Test
    void aRevertMovesBackToAPendingStatusOnly() {
        fixture.given(created(REACH), new StatusChanged(LEAD, REACH, WON, null, null),
                        new LeadReopened(LEAD, WON, CONTACTED, "came back"))
                .when(revert(1, null, false))
                .expectException(violation(LeadRuleViolation.Rule.REFUSED_VALUE, Subject.TO_VERSION));
    }

    @Test
    void aRevertForAnotherVersionThanTheLeadsIsAConflict() {
        fixture.given(created(REACH), new FieldChanged(LEAD, CONTACT_EMAIL, null, FIRST_EMAIL))
                .when(revert(0, 0L, false))
                .expectException(violation(LeadRuleViolation.Rule.VERSION_CONFLICT, Subject.EXPECTED_VERSION));
    }

    private static RevertLeadCommand revert(long toVersion, Long expectedVersion, boolean dryRun) {
        return new RevertLeadCommand(LEAD, toVersion, expectedVersion, dryRun, EVERY_LEAD);
    }

    private static Matcher<EventMessage<?>> revertedTo(long version, Object payload) {
        return allOf(messageWithPayload(equalTo(payload)),
                hasProperty("metaData", hasEntry(LeadMetadata.REVERTED_TO, (Object) version)));
    }
}
