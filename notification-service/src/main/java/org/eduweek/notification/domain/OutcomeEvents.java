package org.eduweek.notification.domain;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import org.eduweek.notification.events.NotificationOutcome;
import org.eduweek.notification.events.Topics;
import org.eduweek.platform.outbox.OutboxMessage;

/** Turns a message's outcome into the outbox entry stored in the same write as that outcome. */
@Component
public class OutcomeEvents {

    private final JsonMapper json;

    public OutcomeEvents(JsonMapper json) {
        this.json = json;
    }

    public OutboxMessage toOutbox(NotificationOutcome e) {
        return OutboxMessage.of(e.eventId(), Topics.NOTIFICATION_EVENTS, e.participantId(), e.type(), 1,
                json.writeValueAsString(e));
    }
}
