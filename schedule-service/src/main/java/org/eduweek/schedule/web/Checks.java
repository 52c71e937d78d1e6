package org.eduweek.schedule.web;

import java.util.ArrayList;
import java.util.List;

import org.eduweek.platform.web.ApiException;
import org.eduweek.platform.web.FieldProblem;
import org.springframework.http.HttpStatus;

/** Collects every problem of a request body, then refuses it once with all of them (400 validation). */
final class Checks {

    private final List<FieldProblem> problems = new ArrayList<>();

    Checks require(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()
                || value instanceof TextInput t && (t.en() == null || t.en().isBlank())
                        && (t.zh() == null || t.zh().isBlank())) {
            problems.add(new FieldProblem(field, "is required"));
        }
        return this;
    }

    Checks check(boolean ok, String field, String message) {
        if (!ok) {
            problems.add(new FieldProblem(field, message));
        }
        return this;
    }

    void orThrow() {
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "validation", String.join("; ",
                    problems.stream().map(p -> p.field() + ": " + p.message()).toList()), problems);
        }
    }

    static void inUse(String what, String id, long count, String by) {
        if (count > 0) {
            throw ApiException.conflict(what + " '" + id + "' is used by " + count + " " + by,
                    List.of(new FieldProblem("id", "is used by " + count + " " + by)));
        }
    }
}
