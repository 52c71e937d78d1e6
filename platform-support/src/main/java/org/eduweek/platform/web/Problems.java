package org.eduweek.platform.web;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the project's problem bodies so every service answers errors in the same shape (docs/CONTRACTS.md). */
public final class Problems {

    public static final String TYPE_BASE = "https://eduweek.org/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail,
            List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + slug));
        problem.setTitle(title);
        problem.setProperty("errors", errors == null ? List.of() : errors);
        return problem;
    }

    /**
     * The body as the contract spells it, {@code errors} beside {@code status} rather than under
     * {@code properties}: for code that writes a problem itself, with a plain JSON mapper, outside Spring MVC.
     */
    public static java.util.Map<String, Object> body(ProblemDetail problem) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
