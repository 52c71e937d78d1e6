package org.eduweek.notification.events;

import java.time.Instant;

/** A message was accepted by the email server or SMS provider. Topic {@code notification.events.v1}, key participantId. */
public record NotificationSent(String eventId, Instant occurredAt, String notificationId, String participantId,
        String registrationId, String sessionId, String editionId, String channel, String kind, String dedupeKey,
        int attempts) implements NotificationOutcome {

    public static final String TYPE = "NotificationSent";

    @Override
    public String type() {
        return TYPE;
    }
}
