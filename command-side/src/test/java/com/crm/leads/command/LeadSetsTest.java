package com.crm.leads.command;

import com.crm.leads.api.LeadSet;
import com.crm.leads.api.Reference;
import com.crm.leads.api.SetMember;
import com.crm.leads.api.SetRow;
import com.crm.leads.api.command.CreateLeadCommand;
import com.crm.leads.api.command.LeadRuleViolation.Subject;
import com.crm.leads.api.command.SetEntry;
import com.crm.leads.api.command.SetUpdate;
import com.crm.leads.api.event.CompetitorAdded;
import com.crm.leads.api.event.CompetitorRemoved;
import com.crm.leads.api.event.FieldChanged;
import com.crm.leads.api.event.ProductAdded;
import com.crm.leads.api.event.ProductRemoved;
import com.crm.leads.api.event.StatusChanged;
import com.crm.leads.api.event.UserAdded;
import com.crm.leads.api.event.UserRemoved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.crm.leads.api.LeadAccess.EVERY_LEAD;
import static com.crm.leads.api.LeadField.IMPORTANCE;
import static com.crm.leads.api.LeadField.PRIORITY;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.ENTRY_NOT_FOUND;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.LEAD_CLOSED;
import static com.crm.leads.command.LeadHistories.*;

/** The competitors, users and products of a lead: rows added and removed entry by entry. */
class LeadSetsTest {

    private static final SetMember COMPETITOR_1 = SetMember.competitor(new Reference("C1", "Competitor 1"));
    private static final SetMember COMPETITOR_2 = SetMember.competitor(new Reference("C2", "Competitor 2"));
    private static final SetMember SUPERVISOR = SetMember.user(new Reference("U1", "supervisor"));
    private static final SetMember MAD_MAX = new SetMember(SetMember.Kind.PRODUCT, new Reference("P1", "MAD MAX"));
    private static final SetMember ADD_ONS = new SetMember(SetMember.Kind.PRODUCT_TYPE, new Reference("P1", "Add-ons"));
    private static final SetRow ROW_1 = new SetRow("A0000000000000000000000000000001", COMPETITOR_1);
    private static final SetRow ROW_2 = new SetRow("A0000000000000000000000000000002", COMPETITOR_2);

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
    }

    private static SetUpdate competitors(SetEntry... entries) {
        return SetUpdate.of(LeadSet.COMPETITORS, List.of(entries));
    }

    private static SetEntry add(SetRow row) {
        return new SetEntry.Add(row);
    }

    private static SetEntry remove(SetMember member) {
        return new SetEntry.RemoveMember(member);
    }

    @Test
    void addingAMemberAddsARow() {
        fixture.given(created(REACH))
                .when(updateSets(competitors(add(ROW_1))))
                .expectEvents(new CompetitorAdded(LEAD, ROW_1));
    }

    @Test
    void addingAMemberTheSetHasIsNoChange() {
        fixture.given(created(REACH), new CompetitorAdded(LEAD, ROW_1))
                .when(updateSets(competitors(add(new SetRow("B0000000000000000000000000000001", COMPETITOR_1)))))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void removingByMemberRemovesItsRow() {
        fixture.given(created(REACH), new CompetitorAdded(LEAD, ROW_1), new CompetitorAdded(LEAD, ROW_2))
                .when(updateSets(competitors(remove(COMPETITOR_1))))
                .expectEvents(new CompetitorRemoved(LEAD, ROW_1));
    }

    @Test
    void removingByRowIdRemovesThatRow() {
        fixture.given(created(REACH), new CompetitorAdded(LEAD, ROW_1), new CompetitorAdded(LEAD, ROW_2))
                .when(updateSets(competitors(new SetEntry.RemoveRow(ROW_2.rowId()))))
                .expectEvents(new CompetitorRemoved(LEAD, ROW_2));
    }

    @Test
    void removingAMemberTheSetLacksIsRefusedNamingTheEntryAndNothingOfTheCallIsStored() {
        fixture.given(created(REACH), new CompetitorAdded(LEAD, ROW_1))
                .when(updateSets(competitors(add(ROW_2), remove(COMPETITOR_1), remove(COMPETITOR_1))))
                .expectException(violation(ENTRY_NOT_FOUND, new Subject.SetEntry(0, 2)));
    }

    @Test
    void entriesApplyInTheOrderGiven() {
        fixture.given(created(REACH))
                .when(updateSets(competitors(add(ROW_1), remove(COMPETITOR_1))))
                .expectEvents(new CompetitorAdded(LEAD, ROW_1), new CompetitorRemoved(LEAD, ROW_1));
    }

    @Test
    void anEmptyListChangesNothing() {
        fixture.given(created(REACH), new CompetitorAdded(LEAD, ROW_1))
                .when(updateSets(competitors()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aSetSentAsNullIsEmptied() {
        fixture.given(created(REACH), new CompetitorAdded(LEAD, ROW_1), new CompetitorAdded(LEAD, ROW_2))
                .when(updateSets(SetUpdate.emptied(LeadSet.COMPETITORS)))
                .expectEvents(new CompetitorRemoved(LEAD, ROW_1), new CompetitorRemoved(LEAD, ROW_2));
    }

    @Test
    void usersHaveTheirOwnSet() {
        SetRow row = new SetRow("C0000000000000000000000000000001", SUPERVISOR);
        fixture.given(created(REACH), new UserAdded(LEAD, row))
                .when(updateSets(SetUpdate.of(LeadSet.USERS, List.of(
                        new SetEntry.RemoveMember(SUPERVISOR)))))
                .expectEvents(new UserRemoved(LEAD, row));
    }

    @Test
    void productsOfDifferentKindsAreDifferentMembersEvenWithTheSameId() {
        SetRow product = new SetRow("D0000000000000000000000000000001", MAD_MAX);
        SetRow type = new SetRow("D0000000000000000000000000000002", ADD_ONS);
        fixture.given(created(REACH), new ProductAdded(LEAD, product))
                .when(updateSets(SetUpdate.of(LeadSet.PRODUCTS, List.of(
                        new SetEntry.Add(type),
                        new SetEntry.RemoveMember(MAD_MAX)))))
                .expectEvents(new ProductAdded(LEAD, type), new ProductRemoved(LEAD, product));
    }

    @Test
    void aNewLeadStartsWithTheRowsItIsCreatedWith() {
        fixture.givenNoPriorActivity()
                .when(new CreateLeadCommand(LEAD, "127", TYPE, CONTACT, null, REACH, null, MANDATORY,
                        List.of(competitors(add(ROW_1))), EVERY_LEAD))
                .expectEvents(created(REACH),
                        new FieldChanged(LEAD, PRIORITY, null, FIRST),
                        new FieldChanged(LEAD, IMPORTANCE, null, IMPORTANT),
                        new CompetitorAdded(LEAD, ROW_1));
    }

    @Test
    void aClosedLeadRefusesSetChangesToo() {
        fixture.given(created(REACH), new StatusChanged(LEAD, REACH, WON, null, null))
                .when(updateSets(competitors(add(ROW_1))))
                .expectException(violation(LEAD_CLOSED, Subject.LEAD));
    }
}
