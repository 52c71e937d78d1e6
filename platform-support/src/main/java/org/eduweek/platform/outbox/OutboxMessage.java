package org.eduweek.platform.outbox;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;

import org.slf4j.MDC;

/**
 * An event waiting in its aggregate's document (field {@code outbox}) until the relay has handed it to Kafka.
 * Stored in the same write as the state change it announces, so the two can never disagree.
 */
public record OutboxMessage(
        String eventId,
        String destination,
        String key,
        String eventType,
        int eventVersion,
        String payload,
        String requestId,
        Instant createdAt) {

    public static final String FIELD = "outbox";

    public static OutboxMessage of(String eventId, String destination, String key, String eventType, int version,
            String payloadJson) {
        return new OutboxMessage(eventId == null ? UUID.randomUUID().toString() : eventId, destination, key, eventType,
                version, payloadJson, MDC.get("requestId"), Instant.now());
    }

    /** The message as an element of a document's {@code outbox} array, for writers that build BSON themselves. */
    public Document toDocument() {
        Document d = new Document("eventId", eventId).append("destination", destination).append("key", key)
                .append("eventType", eventType).append("eventVersion", eventVersion).append("payload", payload)
                .append("createdAt", Date.from(createdAt));
        if (requestId != null) {
            d.append("requestId", requestId);
        }
        return d;
    }
}
