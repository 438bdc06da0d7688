package com.crm.leads.api.command;

import com.crm.leads.api.LeadField;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A command broke one of the lead's rules; nothing was stored. {@link #subject()} says what of the command broke
 * it, in the domain's terms; the edge that took the call names it as its caller wrote it. The wording mentions
 * subjects the same way, so the explanation reads in the caller's terms too.
 */
public class LeadRuleViolation extends RuntimeException {

    /** The rules a command can break, each with a stable code that clients can act on. */
    public enum Rule {
        /** The lead is not open to the caller: for the caller, it does not exist. */
        LEAD_NOT_OPEN,
        LEAD_CLOSED,
        LOST_REASON_REQUIRED,
        /** A value the lead's rules do not allow, given the lead as it stands. */
        REFUSED_VALUE,
        /** A set entry to remove names a row the set does not have. */
        ENTRY_NOT_FOUND,
        /** The caller expected another version of the lead than the one it has now. */
        VERSION_CONFLICT,
        /** The caller may see the lead but not do this to it: only an administrator or its owner may. */
        NOT_PERMITTED
    }

    /** What of a command broke a rule. */
    public sealed interface Subject {

        /** The lead as a whole: the one the command is for. */
        Subject LEAD = Part.LEAD;
        Subject STATUS = Part.STATUS;
        Subject LOST_REASON = Part.LOST_REASON;
        Subject EXPECTED_VERSION = Part.EXPECTED_VERSION;
        Subject REASON = Part.REASON;
        Subject TO_VERSION = Part.TO_VERSION;

        static Subject field(LeadField field) {
            return new Field(field);
        }

        /** One of the lead's single-valued fields. */
        record Field(LeadField field) implements Subject {
            public Field {
                Objects.requireNonNull(field, "field");
            }
        }

        /** Entry {@code entry} of the command's set update {@code update}, both counted from 0. */
        record SetEntry(int update, int entry) implements Subject {
        }

        enum Part implements Subject {
            LEAD, STATUS, LOST_REASON, EXPECTED_VERSION, REASON, TO_VERSION
        }
    }

    private final Rule rule;
    private final Subject subject;
    private final List<Object> wording;

    /**
     * @param wording the explanation: text, with a {@link Subject} wherever it names one
     */
    public LeadRuleViolation(Rule rule, Subject subject, Object... wording) {
        super(describe(List.of(wording), LeadRuleViolation::domainName));
        this.rule = Objects.requireNonNull(rule, "rule");
        this.subject = Objects.requireNonNull(subject, "subject");
        this.wording = List.of(wording);
    }

    public Rule getRule() {
        return rule;
    }

    public Subject getSubject() {
        return subject;
    }

    /** The explanation, with each subject it mentions named by {@code names}. */
    public String describe(Function<Subject, String> names) {
        return describe(wording, names);
    }

    private static String describe(List<Object> wording, Function<Subject, String> names) {
        return wording.stream()
                .map(piece -> piece instanceof Subject subject ? names.apply(subject) : String.valueOf(piece))
                .collect(Collectors.joining());
    }

    /** How the service's own log names a subject. */
    private static String domainName(Subject subject) {
        if (subject instanceof Subject.SetEntry entry) {
            return "entry " + entry.entry() + " of set update " + entry.update();
        }
        String name = subject instanceof Subject.Field field ? field.field().name() : ((Subject.Part) subject).name();
        return name.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
