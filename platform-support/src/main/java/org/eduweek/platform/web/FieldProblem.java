package org.eduweek.platform.web;

/** One entry of the {@code errors} list of a problem body: which field, and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
