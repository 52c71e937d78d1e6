package org.eduweek.notification.messaging;

import tools.jackson.databind.json.JsonMapper;

import org.eduweek.platform.messaging.UnreadableEventException;

/** Shared reading rules: an unreadable payload or one without its ids is dead-lettered without retries. */
final class EventPayloads {

    private EventPayloads() {
    }

    static <T> T read(JsonMapper json, String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (RuntimeException e) {
            throw new UnreadableEventException("Unreadable " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static void require(Object value, String field) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new UnreadableEventException("Event lacks " + field);
        }
    }
}
