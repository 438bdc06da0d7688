package com.crm.leads.command;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadAccess;
import com.crm.leads.api.Reference;
import com.crm.leads.api.command.CheckUpdatableCommand;
import com.crm.leads.api.command.CreateLeadCommand;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.LeadRuleViolation.Rule;
import com.crm.leads.api.command.LeadRuleViolation.Subject;
import com.crm.leads.api.command.UpdateLeadCommand;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.StatusChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static com.crm.leads.api.LeadField.CONTACT_EMAIL;
import static com.crm.leads.api.LeadField.PRIVACY_LEVEL;
import static com.crm.leads.command.LeadHistories.*;

/** A lead at a privacy level exists only for the callers it is open to, and nobody closes a lead to themselves. */
class LeadPrivacyTest {

    private static final Reference PUBLIC = new Reference("P1", "Public");
    private static final Reference GROUP = new Reference("P2", "Group");
    private static final LeadAccess UP_TO_PUBLIC = LeadAccess.toPrivacyLevels(List.of(PUBLIC.id()));
    private static final LeadAccess UP_TO_GROUP = LeadAccess.toPrivacyLevels(List.of(PUBLIC.id(), GROUP.id()));
    private static final LeadAccess NO_RESTRICTED_LEAD = LeadAccess.toPrivacyLevels(List.of());
    private static final FieldValue NEW_EMAIL = new FieldValue.Text("new@lead.com");

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
    }

    @Test
    void aLeadAtAPrivacyLevelBeyondTheCallersAccessDoesNotTakeItsUpdate() {
        fixture.given(created(REACH), atPrivacyLevel(GROUP))
                .when(changeEmail(UP_TO_PUBLIC))
                .expectException(violation(Rule.LEAD_NOT_OPEN, Subject.LEAD));
    }

    @Test
    void aClosedLeadBeyondTheCallersAccessSaysNotThatItIsClosed() {
        fixture.given(created(REACH), atPrivacyLevel(GROUP), new StatusChanged(LEAD, REACH, WON, null, null))
                .when(new CheckUpdatableCommand(LEAD, UP_TO_PUBLIC))
                .expectException(violation(Rule.LEAD_NOT_OPEN, Subject.LEAD));
    }

    @Test
    void aLeadAtAPrivacyLevelWithinTheCallersAccessTakesItsUpdate() {
        fixture.given(created(REACH), atPrivacyLevel(GROUP))
                .when(changeEmail(UP_TO_GROUP))
                .expectEvents(new FieldChanged(LEAD, CONTACT_EMAIL, null, NEW_EMAIL));
    }

    @Test
    void aLeadWithoutAPrivacyLevelIsOpenToEveryCaller() {
        fixture.given(created(REACH))
                .when(changeEmail(NO_RESTRICTED_LEAD))
                .expectEvents(new FieldChanged(LEAD, CONTACT_EMAIL, null, NEW_EMAIL));
    }

    @Test
    void anAdministratorsAccessOpensEveryLead() {
        fixture.given(created(REACH), atPrivacyLevel(new Reference("P3", "Private")))
                .when(changeEmail(LeadAccess.EVERY_LEAD))
                .expectEvents(new FieldChanged(LEAD, CONTACT_EMAIL, null, NEW_EMAIL));
    }

    @Test
    void aCallerCannotRaiseALeadsPrivacyLevelBeyondItsOwnAccess() {
        fixture.given(created(REACH), atPrivacyLevel(PUBLIC))
                .when(new UpdateLeadCommand(LEAD, List.of(FieldUpdate.set(PRIVACY_LEVEL, new FieldValue.Entity(GROUP))),
                        List.of(), null, null, null, null, UP_TO_PUBLIC))
                .expectException(violation(Rule.REFUSED_VALUE, Subject.field(PRIVACY_LEVEL)));
    }

    @Test
    void aCallerMayClearAPrivacyLevelItCanSee() {
        fixture.given(created(REACH), atPrivacyLevel(PUBLIC))
                .when(new UpdateLeadCommand(LEAD, List.of(FieldUpdate.clear(PRIVACY_LEVEL)),
                        List.of(), null, null, null, null, UP_TO_PUBLIC))
                .expectEvents(new FieldChanged(LEAD, PRIVACY_LEVEL, new FieldValue.Entity(PUBLIC), null));
    }

    @Test
    void aCallerCannotCreateALeadItWouldNotSee() {
        fixture.givenNoPriorActivity()
                .when(new CreateLeadCommand(LEAD, "127", TYPE, CONTACT, null, REACH, null,
                        Stream.concat(MANDATORY.stream(),
                                Stream.of(FieldUpdate.set(PRIVACY_LEVEL, new FieldValue.Entity(GROUP)))).toList(),
                        List.of(), UP_TO_PUBLIC))
                .expectException(violation(Rule.REFUSED_VALUE, Subject.field(PRIVACY_LEVEL)));
    }

    private static FieldChanged atPrivacyLevel(Reference privacyLevel) {
        return new FieldChanged(LEAD, PRIVACY_LEVEL, null, new FieldValue.Entity(privacyLevel));
    }

    private static UpdateLeadCommand changeEmail(LeadAccess access) {
        return new UpdateLeadCommand(LEAD, List.of(FieldUpdate.set(CONTACT_EMAIL, NEW_EMAIL)), List.of(), null, null,
                null, null, access);
    }
}
