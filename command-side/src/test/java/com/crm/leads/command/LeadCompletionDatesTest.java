package com.crm.leads.command;

import com.crm.leads.api.FieldValue;
import com.crm.leads.api.LeadField;
import com.crm.leads.api.PeriodUnit;
import com.crm.leads.api.command.FieldUpdate;
import com.crm.leads.api.command.LeadRuleViolation.Subject;
import com.crm.leads.api.event.FieldChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;

import static com.crm.leads.api.LeadField.ESTIMATED_COMPLETION_TIME;
import static com.crm.leads.api.LeadField.EXPECTED_COMPLETION_DATE;
import static com.crm.leads.api.LeadField.START_DATE;
import static com.crm.leads.api.command.LeadRuleViolation.Rule.REFUSED_VALUE;
import static com.crm.leads.command.LeadHistories.*;

/** Expected completion date = start date + estimated completion time: set one, and the other follows. */
class LeadCompletionDatesTest {

    private static final FieldValue START = date(2018, 1, 22);
    private static final FieldValue MONTH_LATER = date(2018, 2, 22);
    private static final FieldValue ONE_MONTH = new FieldValue.Period(1, PeriodUnit.MONTHS);

    private FixtureConfiguration<Lead> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Lead.class);
    }

    private static FieldValue date(int year, int month, int day) {
        return new FieldValue.DateTime(LocalDateTime.of(year, month, day, 10, 2, 58));
    }

    @Test
    void anEstimatedTimeGivesTheExpectedDateFromTheStartDate() {
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, START))
                .when(updateFields(FieldUpdate.set(ESTIMATED_COMPLETION_TIME, ONE_MONTH)))
                .expectEvents(new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, null, ONE_MONTH),
                        new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, null, MONTH_LATER));
    }

    @Test
    void anExpectedDateGivesTheEstimatedTimeInTheLargestWholeUnit() {
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, START))
                .when(updateFields(FieldUpdate.set(EXPECTED_COMPLETION_DATE, date(2018, 2, 5))))
                .expectEvents(new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, null, date(2018, 2, 5)),
                        new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, null,
                                new FieldValue.Period(2, PeriodUnit.WEEKS)));
    }

    @Test
    void givingBothIsRefused() {
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, START))
                .when(updateFields(FieldUpdate.set(EXPECTED_COMPLETION_DATE, MONTH_LATER),
                        FieldUpdate.set(ESTIMATED_COMPLETION_TIME, ONE_MONTH)))
                .expectException(violation(REFUSED_VALUE, Subject.field(LeadField.ESTIMATED_COMPLETION_TIME)));
    }

    @Test
    void anExpectedDateBeforeTheStartDateIsRefused() {
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, START))
                .when(updateFields(FieldUpdate.set(EXPECTED_COMPLETION_DATE, date(2018, 1, 21))))
                .expectException(violation(REFUSED_VALUE, Subject.field(LeadField.EXPECTED_COMPLETION_DATE)));
    }

    @Test
    void anEstimatedTimeWithoutAStartDateIsRefused() {
        fixture.given(created(REACH))
                .when(updateFields(FieldUpdate.set(ESTIMATED_COMPLETION_TIME, ONE_MONTH)))
                .expectException(violation(REFUSED_VALUE, Subject.field(LeadField.ESTIMATED_COMPLETION_TIME)));
    }

    @Test
    void aNewStartDateMovesTheExpectedDateByTheSameEstimate() {
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, START),
                        new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, null, ONE_MONTH),
                        new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, null, MONTH_LATER))
                .when(updateFields(FieldUpdate.set(START_DATE, date(2018, 3, 1))))
                .expectEvents(new FieldChanged(LEAD, START_DATE, START, date(2018, 3, 1)),
                        new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, MONTH_LATER, date(2018, 4, 1)));
    }

    @Test
    void aStartDateAfterAnExpectedDateWithoutEstimateIsRefused() {
        fixture.given(created(REACH), new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, null, MONTH_LATER))
                .when(updateFields(FieldUpdate.set(START_DATE, date(2018, 3, 1))))
                .expectException(violation(REFUSED_VALUE, Subject.field(LeadField.START_DATE)));
    }

    @Test
    void clearingTheEstimateClearsTheExpectedDate() {
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, START),
                        new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, null, ONE_MONTH),
                        new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, null, MONTH_LATER))
                .when(updateFields(FieldUpdate.clear(ESTIMATED_COMPLETION_TIME)))
                .expectEvents(new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, MONTH_LATER, null),
                        new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, ONE_MONTH, null));
    }

    @Test
    void clearingTheStartDateKeepsTheExpectedDateAndDropsTheEstimate() {
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, START),
                        new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, null, ONE_MONTH),
                        new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, null, MONTH_LATER))
                .when(updateFields(FieldUpdate.clear(START_DATE)))
                .expectEvents(new FieldChanged(LEAD, START_DATE, START, null),
                        new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, ONE_MONTH, null));
    }

    @Test
    void resendingTheSameEstimateIsNoChange() {
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, START),
                        new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, null, ONE_MONTH),
                        new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, null, MONTH_LATER))
                .when(updateFields(FieldUpdate.set(ESTIMATED_COMPLETION_TIME, ONE_MONTH)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aMonthFromTheThirtyFirstEndsOnTheLastDayOfAShorterMonthAndResendingThatDateIsNoChange() {
        FieldValue lastOfJanuary = new FieldValue.DateTime(LocalDateTime.of(2024, 1, 31, 0, 0));
        FieldValue lastOfFebruary = new FieldValue.DateTime(LocalDateTime.of(2024, 2, 29, 0, 0));
        fixture.given(created(REACH), new FieldChanged(LEAD, START_DATE, null, lastOfJanuary),
                        new FieldChanged(LEAD, ESTIMATED_COMPLETION_TIME, null, ONE_MONTH),
                        new FieldChanged(LEAD, EXPECTED_COMPLETION_DATE, null, lastOfFebruary))
                .when(updateFields(FieldUpdate.set(EXPECTED_COMPLETION_DATE, lastOfFebruary)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }
}
