package org.eduweek.schedule.messaging;

import java.util.List;
import java.util.UUID;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.schedule.domain.Audience;
import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.domain.Capacity;
import org.eduweek.schedule.domain.Change;
import org.eduweek.schedule.domain.SessionData;
import org.eduweek.schedule.domain.SessionEvent;
import org.eduweek.schedule.domain.VenueRef;
import org.eduweek.schedule.events.EventCapacity;
import org.eduweek.schedule.events.EventTitle;
import org.eduweek.schedule.events.EventVenue;
import org.eduweek.schedule.events.PreviousValues;
import org.eduweek.schedule.events.SessionCancelled;
import org.eduweek.schedule.events.SessionChanged;
import org.eduweek.schedule.events.SessionScheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Turns what a session's publication caused into the wire records of schedule.events.v1 and outbox messages. */
@Component
public class ScheduleEventMapper {

    public static final String TOPIC = "schedule.events.v1";
    public static final int VERSION = 1;

    private final JsonMapper json;

    public ScheduleEventMapper(JsonMapper json) {
        this.json = json;
    }

    public OutboxMessage toOutbox(SessionEvent event) {
        String eventId = UUID.randomUUID().toString();
        Object record = toRecord(event, eventId);
        return OutboxMessage.of(eventId, TOPIC, event.session().id(), event.kind().eventType(), VERSION,
                json.writeValueAsString(record));
    }

    public Object toRecord(SessionEvent event, String eventId) {
        var s = event.session();
        SessionData d = s.published();
        String status = s.status().name();
        return switch (event.kind()) {
            case SCHEDULED -> new SessionScheduled(eventId, event.occurredAt(), s.id(), s.editionId(), d.activityId(),
                    d.trackId(), s.sequence(), title(d.title()), d.start(), d.end(), d.timeZone(), d.mode().name(),
                    venue(d.venue()), d.joinLink(), capacity(d.capacity()), audience(d.audience()), d.level(),
                    d.language(), status);
            case CHANGED -> new SessionChanged(eventId, event.occurredAt(), s.id(), s.editionId(), d.activityId(),
                    d.trackId(), s.sequence(), title(d.title()), d.start(), d.end(), d.timeZone(), d.mode().name(),
                    venue(d.venue()), d.joinLink(), capacity(d.capacity()), audience(d.audience()), d.level(),
                    d.language(), status, event.changes().stream().map(Enum::name).toList(),
                    previous(event.previous(), d, event.changes()));
            case CANCELLED -> new SessionCancelled(eventId, event.occurredAt(), s.id(), s.editionId(),
                    d.activityId(), d.trackId(), s.sequence(), title(d.title()), d.start(), d.end(), d.timeZone(),
                    d.mode().name(), venue(d.venue()), d.joinLink(), capacity(d.capacity()), audience(d.audience()),
                    d.level(), d.language(), status, d.cancelReason());
        };
    }

    static PreviousValues previous(SessionData p, SessionData now, List<Change> changes) {
        boolean time = changes.contains(Change.TIME);
        boolean activity = changes.contains(Change.ACTIVITY);
        return new PreviousValues(
                time ? p.start() : null,
                time ? p.end() : null,
                !java.util.Objects.equals(p.timeZone(), now.timeZone()) ? p.timeZone() : null,
                changes.contains(Change.MODE) ? p.mode().name() : null,
                changes.contains(Change.VENUE) ? venue(p.venue()) : null,
                changes.contains(Change.LINK) ? p.joinLink() : null,
                changes.contains(Change.CAPACITY) ? capacity(p.capacity()) : null,
                changes.contains(Change.TITLE) ? title(p.title()) : null,
                changes.contains(Change.AUDIENCE) ? audience(p.audience()) : null,
                changes.contains(Change.LEVEL) ? p.level() : null,
                changes.contains(Change.LANGUAGE) ? p.language() : null,
                activity && !java.util.Objects.equals(p.activityId(), now.activityId()) ? p.activityId() : null,
                activity && !java.util.Objects.equals(p.trackId(), now.trackId()) ? p.trackId() : null);
    }

    static EventTitle title(Bilingual b) {
        return new EventTitle(b.en(), b.zh());
    }

    static EventVenue venue(VenueRef v) {
        return v == null ? null : new EventVenue(v.venueId(), v.campus(), v.building(), v.room());
    }

    static EventCapacity capacity(Capacity c) {
        return new EventCapacity(c.inPerson(), c.online());
    }

    static List<String> audience(List<Audience> audience) {
        return audience.stream().map(Enum::name).toList();
    }
}
