package org.eduweek.notification.domain;

import java.time.Instant;
import java.util.UUID;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import org.eduweek.notification.events.NotificationFailed;
import org.eduweek.notification.events.NotificationSent;
import org.eduweek.notification.events.Topics;
import org.eduweek.platform.outbox.OutboxMessage;

/** Turns a message's outcome into the outbox entry stored in the same write as that outcome. */
@Component
public class OutcomeEvents {

    private final JsonMapper json;

    public OutcomeEvents(JsonMapper json) {
        this.json = json;
    }

    public OutboxMessage sent(Notification n, int attempts, Instant at) {
        String eventId = UUID.randomUUID().toString();
        NotificationSent e = new NotificationSent(eventId, at, n.id(), n.participantId(), n.registrationId(),
                n.sessionId(), n.editionId(), n.channel().name(), n.kind().name(), n.dedupeKey(), attempts);
        return OutboxMessage.of(eventId, Topics.NOTIFICATION_EVENTS, n.participantId(), NotificationSent.TYPE, 1,
                json.writeValueAsString(e));
    }

    public OutboxMessage failed(Notification n, int attempts, String error, Instant at) {
        String eventId = UUID.randomUUID().toString();
        NotificationFailed e = new NotificationFailed(eventId, at, n.id(), n.participantId(), n.registrationId(),
                n.sessionId(), n.editionId(), n.channel().name(), n.kind().name(), n.dedupeKey(), attempts, error);
        return OutboxMessage.of(eventId, Topics.NOTIFICATION_EVENTS, n.participantId(), NotificationFailed.TYPE, 1,
                json.writeValueAsString(e));
    }
}
