package org.eduweek.registration.store;

import org.springframework.stereotype.Component;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.registration.events.ParticipantProfileChanged;
import org.eduweek.registration.events.Topics;

import tools.jackson.databind.json.JsonMapper;

/** Wraps an event record into the outbox message stored with the state change it announces. */
@Component
public class OutboxEvents {

    private final JsonMapper json;

    public OutboxEvents(JsonMapper json) {
        this.json = json;
    }

    /** Registration events are keyed by session id: per-session order is what seat consumers rely on. */
    public OutboxMessage registration(String eventId, String sessionId, String type, Object event) {
        return OutboxMessage.of(eventId, Topics.REGISTRATION, sessionId, type, 1, json.writeValueAsString(event));
    }

    public OutboxMessage participant(ParticipantProfileChanged event) {
        return OutboxMessage.of(event.eventId(), Topics.PARTICIPANT, event.participantId(),
                ParticipantProfileChanged.TYPE, 1, json.writeValueAsString(event));
    }
}
