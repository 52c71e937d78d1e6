package org.eduweek.platform.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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

    /** The last header of that name as text, or null. */
    public static String text(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String eventType(Message<?> message) {
        return text(message, EVENT_TYPE);
    }

    /** The event type; a record without one cannot be an event of any version, so it is dead-lettered. */
    public static String requireEventType(Message<?> message) {
        return required(text(message, EVENT_TYPE));
    }

    public static String requireEventType(ConsumerRecord<?, ?> record) {
        return required(text(record, EVENT_TYPE));
    }

    private static String required(String type) {
        if (type == null || type.isBlank()) {
            throw new UnreadableEventException("Record without an " + EVENT_TYPE + " header");
        }
        return type;
    }
}
