package org.eduweek.schedule.domain;

import java.util.List;

/**
 * A rule of the programme refused the request. {@link Kind} says which rule, so the web layer can choose the answer
 * without parsing the message; the message is the human explanation and {@code problems} name the inputs at fault.
 */
public class ScheduleRuleException extends RuntimeException {

    public enum Kind {
        /** The input breaks a rule of its own or of what it refers to. */
        INVALID_INPUT,
        /** An in-person session would overlap another one in the same room. */
        ROOM_BOOKED,
        /** Another request held the room's booking lock for longer than we wait. */
        ROOM_BEING_BOOKED,
        /** A published session cannot be deleted, only cancelled. */
        PUBLISHED,
        /** Someone else changed the same document since it was read. */
        CONCURRENT_CHANGE,
        /** Only an ADMIN may leave an edition's team empty. */
        LAST_TEAM_MEMBER
    }

    private final Kind kind;
    private final List<FieldProblem> problems;

    public ScheduleRuleException(Kind kind, String message, List<FieldProblem> problems) {
        super(message);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public ScheduleRuleException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    /** An invalid input named by one field; the message reads "field: what is wrong". */
    public static ScheduleRuleException invalidField(String field, String message) {
        return new ScheduleRuleException(Kind.INVALID_INPUT, field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    /** Invalid input, every problem at once; the message lists them all. */
    public static ScheduleRuleException invalid(List<FieldProblem> problems) {
        return new ScheduleRuleException(Kind.INVALID_INPUT,
                String.join("; ", problems.stream().map(p -> p.field() + ": " + p.message()).toList()), problems);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
