package org.eduweek.notification.messaging;

import java.util.Set;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import org.eduweek.notification.domain.SessionReplica;
import org.eduweek.notification.domain.Triggers;
import org.eduweek.notification.store.SessionStore;
import org.eduweek.platform.messaging.EventHeaders;

/** {@code schedule.events.v1}: the session replica; changes and cancellations reach that session's registrants. */
@Component("scheduleEvents")
public class ScheduleEvents implements Consumer<Message<String>> {

    private static final Logger log = LoggerFactory.getLogger(ScheduleEvents.class);
    private static final Set<String> TYPES = Set.of("SessionScheduled", "SessionChanged", "SessionCancelled");

    private final JsonMapper json;
    private final SessionStore sessions;
    private final Triggers triggers;

    public ScheduleEvents(JsonMapper json, SessionStore sessions, Triggers triggers) {
        this.json = json;
        this.sessions = sessions;
        this.triggers = triggers;
    }

    @Override
    public void accept(Message<String> message) {
        String type = EventHeaders.requireEventType(message);
        if (!TYPES.contains(type)) {
            log.debug("Passing over {} on schedule.events.v1", type);
            return;
        }
        SessionEventV1 e = EventPayloads.read(json, message.getPayload(), SessionEventV1.class);
        EventPayloads.require(e.sessionId(), "sessionId");
        EventPayloads.require(e.start(), "start");
        String status = "SessionCancelled".equals(type) ? "CANCELLED" : e.status();
        SessionReplica replica = new SessionReplica(e.sessionId(), e.editionId(), e.activityId(),
                e.title() == null ? null : e.title().en(), e.title() == null ? null : e.title().zh(), e.start(),
                e.end(), e.timeZone(), e.mode(), e.venue() == null ? null : e.venue().describe(), e.joinLink(),
                status, e.sequence());
        sessions.upsertIfNewer(replica).ifPresent(applied -> triggers.sessionUpdated(replica, applied.before(),
                e.changes(), e.occurredAt() == null ? replica.start().minusSeconds(1) : e.occurredAt()));
    }
}
