package org.eduweek.schedule.domain;

/**
 * An input at fault and what is wrong with it, as a rule reports it. The web layer answers it as one entry of a
 * problem body's {@code errors} (the same two members).
 */
public record FieldProblem(String field, String message) {
}
