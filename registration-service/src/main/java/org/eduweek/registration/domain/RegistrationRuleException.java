package org.eduweek.registration.domain;

import java.util.List;

/**
 * A rule of registering, cancelling, promoting or checking in refused the request. {@link Kind} says which rule, so
 * the web layer can choose the answer without parsing the message; the message is the human explanation and
 * {@code violations} name the inputs at fault, when there are any.
 */
public class RegistrationRuleException extends RuntimeException {

    public enum Kind {
        SEAT_MODE_NOT_OFFERED, INVALID_PROFILE, INVALID_QR_TOKEN,
        SESSION_CANCELLED, SESSION_STARTED, AUDIENCE_MISMATCH, LEVEL_MISMATCH, OVERLAP,
        OTHER_SESSION, NOT_CONFIRMED, NOT_WAITLISTED, ALREADY_CANCELLED, ALREADY_CHECKED_IN, CONCURRENT_CHANGE,
        NO_FREE_SEAT
    }

    /** An input at fault and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private final Kind kind;
    private final List<Violation> violations;

    public RegistrationRuleException(Kind kind, String message, List<Violation> violations) {
        super(message);
        this.kind = kind;
        this.violations = List.copyOf(violations);
    }

    public RegistrationRuleException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    public static RegistrationRuleException onField(Kind kind, String field, String message) {
        return new RegistrationRuleException(kind, field + ": " + message, List.of(new Violation(field, message)));
    }

    /** The same refusal, blamed on an input the caller knows and the rule does not (e.g. the scanned code). */
    public RegistrationRuleException blaming(String field, String message) {
        return new RegistrationRuleException(kind, getMessage(), List.of(new Violation(field, message)));
    }

    public Kind kind() {
        return kind;
    }

    public List<Violation> violations() {
        return violations;
    }
}
