package org.eduweek.platform.messaging;

/**
 * A record no retry can help: no {@code eventType} header, a body that is not the event's JSON, or an event without
 * the ids it must carry. The error handler sends it to the dead-letter topic at once, without retries.
 */
public class UnreadableEventException extends RuntimeException {

    public UnreadableEventException(String message) {
        super(message);
    }

    public UnreadableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
