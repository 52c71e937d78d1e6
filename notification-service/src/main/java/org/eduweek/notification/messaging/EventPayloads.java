package org.eduweek.notification.messaging;

import org.springframework.messaging.Message;

import tools.jackson.databind.json.JsonMapper;

/** Shared reading rules: an unreadable payload or one without its ids throws, so the binder retries and dead-letters it. */
final class EventPayloads {

    private EventPayloads() {
    }

    static <T> T read(JsonMapper json, Message<String> message, Class<T> type) {
        try {
            return json.readValue(message.getPayload(), type);
        } catch (RuntimeException e) {
            throw new UnreadableEventException("Unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new UnreadableEventException("Event lacks " + field, null);
        }
    }

    static final class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
