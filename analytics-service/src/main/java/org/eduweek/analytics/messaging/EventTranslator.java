package org.eduweek.analytics.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.eduweek.analytics.domain.NotificationOutcome;
import org.eduweek.analytics.domain.Pseudonyms;
import org.eduweek.analytics.domain.RegistrationFact;
import org.eduweek.analytics.domain.SessionInfo;
import org.eduweek.platform.messaging.UnreadableEventException;
import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns one raw event (type header + JSON) into the fact analytics keeps, or null for a type it does not use
 * (other types, and types that do not exist yet); an event it cannot read throws {@link UnreadableEventException}.
 * Shared by the live consumers and the rebuild so both read events the same way. Instants are cut to
 * milliseconds because that is what MongoDB keeps: figures reloaded after a restart must equal the live ones.
 */
@Component
public class EventTranslator {

    private final JsonMapper json;
    private final Pseudonyms pseudonyms;

    public EventTranslator(JsonMapper json, Pseudonyms pseudonyms) {
        this.json = json;
        this.pseudonyms = pseudonyms;
    }

    public RegistrationFact registration(String eventType, String payload) {
        RegistrationFact.Kind kind = switch (eventType == null ? "" : eventType) {
            case "RegistrationCreated" -> RegistrationFact.Kind.CREATED;
            case "WaitlistPromoted" -> RegistrationFact.Kind.PROMOTED;
            case "RegistrationCancelled" -> RegistrationFact.Kind.CANCELLED;
            case "ParticipantCheckedIn" -> RegistrationFact.Kind.CHECKED_IN;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        RegistrationEvent e = read(payload, RegistrationEvent.class);
        require(e.registrationId(), "registrationId");
        require(e.sessionId(), "sessionId");
        String status = kind == RegistrationFact.Kind.CREATED ? require(e.status(), "status") : null;
        return new RegistrationFact(kind, e.registrationId(), e.sessionId(), e.editionId(),
                pseudonyms.of(e.participantId()), millis(require(e.occurredAt(), "occurredAt")), status,
                e.seatMode(), e.audience(), e.country(), e.affiliation());
    }

    public SessionInfo schedule(String eventType, String payload) {
        if (!"SessionScheduled".equals(eventType) && !"SessionChanged".equals(eventType)
                && !"SessionCancelled".equals(eventType)) {
            return null;
        }
        ScheduleEvent e = read(payload, ScheduleEvent.class);
        require(e.sessionId(), "sessionId");
        String status = "SessionCancelled".equals(eventType) ? SessionInfo.CANCELLED : e.status();
        ScheduleEvent.Capacity capacity = e.capacity() == null ? new ScheduleEvent.Capacity(0, 0) : e.capacity();
        return new SessionInfo(e.sessionId(), require(e.sequence(), "sequence"), e.editionId(), e.activityId(),
                e.trackId(), e.title("en"), e.title("zh"), millis(e.start()), millis(e.end()), e.timeZone(),
                e.mode(), e.venue() == null ? null : e.venue().campus(), orZero(capacity.inPerson()),
                orZero(capacity.online()), status, millis(e.occurredAt()));
    }

    public NotificationOutcome notification(String eventType, String payload) {
        boolean sent = "NotificationSent".equals(eventType);
        if (!sent && !"NotificationFailed".equals(eventType)) {
            return null;
        }
        NotificationEvent e = read(payload, NotificationEvent.class);
        String id = e.notificationId() != null ? e.notificationId() : require(e.eventId(), "notificationId");
        return new NotificationOutcome(id, e.sessionId(), e.editionId(), require(e.channel(), "channel"), e.kind(),
                sent, millis(require(e.occurredAt(), "occurredAt")));
    }

    private <T> T read(String payload, Class<T> type) {
        try {
            return json.readValue(payload, type);
        } catch (JacksonException e) {
            throw new UnreadableEventException("Unreadable " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    private static <T> T require(T value, String field) {
        if (value == null) {
            throw new UnreadableEventException("Event without " + field);
        }
        return value;
    }
}
