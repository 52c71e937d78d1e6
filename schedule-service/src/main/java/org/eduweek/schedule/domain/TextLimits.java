package org.eduweek.schedule.domain;

import java.util.List;

import org.eduweek.platform.web.TextGuard;

/**
 * Limits of the programme's bilingual texts, per language: a title fits a mail subject, an SMS and a calendar
 * line (one line, {@value #TITLE}); a description may have lines ({@value #DESCRIPTION}). No control characters
 * but the line breaks and tabs a description may hold.
 */
final class TextLimits {

    static final int TITLE = 200;
    static final int DESCRIPTION = 5_000;

    private TextLimits() {
    }

    static void title(List<FieldProblem> problems, String field, Bilingual text) {
        check(problems, field, text, TITLE, false);
    }

    static void description(List<FieldProblem> problems, String field, Bilingual text) {
        check(problems, field, text, DESCRIPTION, true);
    }

    private static void check(List<FieldProblem> problems, String field, Bilingual text, int max,
            boolean multiLine) {
        if (text == null) {
            return;
        }
        String problem = TextGuard.problem(text.en(), max, multiLine);
        if (problem == null) {
            problem = TextGuard.problem(text.zh(), max, multiLine);
        }
        if (problem != null) {
            problems.add(new FieldProblem(field, problem));
        }
    }
}
