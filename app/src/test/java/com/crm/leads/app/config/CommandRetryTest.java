package com.crm.leads.app.config;

import com.crm.leads.api.command.LeadRuleViolation;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.retry.support.RetryTemplate;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A command that loses the race for its lead fails when its unit of work commits, with Axon's
 * {@link ConcurrencyException}; it is then sent again, a bounded number of times, and never when it broke a rule.
 */
class CommandRetryTest {

    private record Bump() {
    }

    private final SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
    private final CommandGateway gateway = DefaultCommandGateway.builder().commandBus(commandBus).build();
    private final AtomicInteger attempts = new AtomicInteger();

    private static RetryTemplate retries(int count) {
        LeadsProperties properties = new Binder(new MapConfigurationPropertySource(
                Map.of("leads.concurrency-retries", String.valueOf(count))))
                .bindOrCreate("leads", LeadsProperties.class);
        return new AxonConfiguration().raceRetries(properties);
    }

    /** A handler whose events another instance appends first, {@code losses} times. */
    private void losesTheRace(int losses) {
        commandBus.subscribe(Bump.class.getName(), command -> {
            int attempt = attempts.incrementAndGet();
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> {
                if (attempt <= losses) {
                    throw new ConcurrencyException("another instance appended event 7 of lead 127 first");
                }
            });
            return "applied";
        });
    }

    @Test
    void aCommandThatLostARaceIsSentAgainUntilItGoesThrough() {
        losesTheRace(2);

        Object result = retries(5).execute(attempt -> gateway.sendAndWait(new Bump()));

        assertThat(result).isEqualTo("applied");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aCommandThatKeepsLosingFailsAfterTheLastRetry() {
        losesTheRace(Integer.MAX_VALUE);

        assertThatThrownBy(() -> retries(2).execute(attempt -> gateway.sendAndWait(new Bump())))
                .isInstanceOf(ConcurrencyException.class);
        assertThat(attempts).hasValue(3);
    }

    @Test
    void aBrokenRuleIsNeverSentAgain() {
        commandBus.subscribe(Bump.class.getName(), command -> {
            attempts.incrementAndGet();
            throw new LeadRuleViolation(LeadRuleViolation.Rule.LEAD_CLOSED, LeadRuleViolation.Subject.LEAD,
                    "lead 127 is closed");
        });

        assertThatThrownBy(() -> retries(5).execute(attempt -> gateway.sendAndWait(new Bump())))
                .isInstanceOf(LeadRuleViolation.class);
        assertThat(attempts).hasValue(1);
    }
}
