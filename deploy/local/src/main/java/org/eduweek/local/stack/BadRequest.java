package org.eduweek.local.stack;

import java.util.List;
import java.util.Map;

/** Bad input to a stack endpoint; the HTTP layer turns it into an RFC 9457 problem body. */
public class BadRequest extends RuntimeException {

    private final int status;
    private final String slug;
    private final List<Map<String, String>> errors;

    public BadRequest(String slug, String detail, List<Map<String, String>> errors) {
        this(400, slug, detail, errors);
    }

    public BadRequest(int status, String slug, String detail, List<Map<String, String>> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.errors = errors;
    }

    public static BadRequest field(String field, String message) {
        return new BadRequest("validation", field + ": " + message, List.of(Map.of("field", field, "message", message)));
    }

    public static BadRequest malformed(String detail) {
        return new BadRequest("malformed-request", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public List<Map<String, String>> errors() {
        return errors;
    }
}
