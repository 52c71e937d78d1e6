package org.eduweek.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.springframework.messaging.Message;

/**
 * Kafka header names every event carries (docs/CONTRACTS.md). Consumers pick the handler by {@link #EVENT_TYPE};
 * several event types share a topic.
 */
public final class EventHeaders {

    public static final String EVENT_TYPE = "eventType";
    public static final String EVENT_VERSION = "eventVersion";
    public static final String EVENT_ID = "eventId";
    public static final String REQUEST_ID = "X-Request-Id";

    private EventHeaders() {
    }

    /** A header as text, whether the binder handed it over as a String or as raw bytes. */
    public static String text(Message<?> message, String name) {
        Object value = message.getHeaders().get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }

    public static String eventType(Message<?> message) {
        return text(message, EVENT_TYPE);
    }
}
