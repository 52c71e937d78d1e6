package org.eduweek.platform.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A request the service refuses for a reason the client can fix. Rendered as an RFC 9457 problem body by
 * {@link ProblemDetailsHandler}; {@code slug} becomes the last segment of the problem {@code type}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final List<FieldProblem> errors;
    private final String title;
    private final Map<String, Object> properties;

    public ApiException(HttpStatus status, String slug, String detail, List<FieldProblem> errors) {
        this(status, slug, null, detail, errors, Map.of());
    }

    /**
     * @param title the problem's title, or null for the status' reason phrase
     * @param properties extension members of the problem body beside {@code errors} (e.g. {@code editionId})
     */
    protected ApiException(HttpStatus status, String slug, String title, String detail, List<FieldProblem> errors,
            Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
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

    /** The problem's title: the one given, else the status' reason phrase. */
    public String title() {
        return title == null ? status.getReasonPhrase() : title;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
