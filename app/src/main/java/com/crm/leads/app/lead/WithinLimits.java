package com.crm.leads.app.lead;

import com.crm.leads.app.config.InputLimits;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A date, a number or a time period within the service's {@link InputLimits}, which are settings: the validators
 * are Spring beans, given the limits.
 */
@Target({ElementType.TYPE_USE, ElementType.TYPE, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = {WithinLimits.Date.class, WithinLimits.Number.class, WithinLimits.Period.class})
@interface WithinLimits {

    String message() default "is out of range";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validators that say the limit in the violation's message. */
    abstract class Validator<T> implements ConstraintValidator<WithinLimits, T> {

        final InputLimits limits;

        Validator(InputLimits limits) {
            this.limits = limits;
        }

        @Override
        public boolean isValid(T value, ConstraintValidatorContext context) {
            if (value == null || holds(value)) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            violation(context);
            return false;
        }

        abstract boolean holds(T value);

        void violation(ConstraintValidatorContext context) {
            context.buildConstraintViolationWithTemplate(requirement()).addConstraintViolation();
        }

        abstract String requirement();
    }

    class Date extends Validator<LocalDateTime> {

        Date(InputLimits limits) {
            super(limits);
        }

        @Override
        boolean holds(LocalDateTime date) {
            return limits.holds(date);
        }

        @Override
        String requirement() {
            return "must be " + limits.dateRange();
        }
    }

    class Number extends Validator<BigDecimal> {

        Number(InputLimits limits) {
            super(limits);
        }

        @Override
        boolean holds(BigDecimal number) {
            return limits.holds(number);
        }

        @Override
        String requirement() {
            return "must be a number from -" + limits.largestNumber().toPlainString() + " to "
                    + limits.largestNumber().toPlainString();
        }
    }

    /** The period's value is what is too long, so the violation names it. */
    class Period extends Validator<LeadParameters.TimePeriod> {

        Period(InputLimits limits) {
            super(limits);
        }

        @Override
        boolean holds(LeadParameters.TimePeriod period) {
            return period.timePeriodValue() == null || period.timePeriodUot() == null
                    || limits.holds(period.timePeriodValue(), period.timePeriodUot().chronoUnit());
        }

        @Override
        void violation(ConstraintValidatorContext context) {
            context.buildConstraintViolationWithTemplate(requirement()).addPropertyNode("timePeriodValue")
                    .addConstraintViolation();
        }

        @Override
        String requirement() {
            return "must make a period of at most " + limits.longestPeriodYears() + " years";
        }
    }
}
