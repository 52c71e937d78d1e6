package org.eduweek.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Trimmed copy of {@code notification.events.v1}: no participant, no error text (it can quote a phone number). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NotificationEvent(String eventId, Instant occurredAt, String notificationId, String sessionId,
        String editionId, String channel, String kind) {
}
