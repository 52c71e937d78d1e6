package org.eduweek.platform.web;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a reason the client can fix. Rendered as an RFC 9457 problem body by
 * {@link ProblemDetailsHandler}; {@code slug} becomes the last segment of the problem {@code type}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final List<FieldProblem> errors;

    public ApiException(HttpStatus status, String slug, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.errors = List.copyOf(errors);
    }

    public ApiException(HttpStatus status, String slug, String detail) {
        this(status, slug, detail, List.of());
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, "not-found", what + " '" + id + "' does not exist");
    }

    public static ApiException badField(String field, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "validation", field + ": " + message,
                List.of(new FieldProblem(field, message)));
    }

    public static ApiException conflict(String detail, List<FieldProblem> errors) {
        return new ApiException(HttpStatus.CONFLICT, "conflict", detail, errors);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
