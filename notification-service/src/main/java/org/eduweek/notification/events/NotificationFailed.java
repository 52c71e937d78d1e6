package org.eduweek.notification.events;

import java.time.Instant;

/** A message was given up: a permanent provider error, or retries exhausted. Same topic and key as the success. */
public record NotificationFailed(String eventId, Instant occurredAt, String notificationId, String participantId,
        String registrationId, String sessionId, String editionId, String channel, String kind, String dedupeKey,
        int attempts, String error) implements NotificationOutcome {

    public static final String TYPE = "NotificationFailed";

    @Override
    public String type() {
        return TYPE;
    }
}
