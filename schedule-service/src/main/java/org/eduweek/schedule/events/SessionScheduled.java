package org.eduweek.schedule.events;

import java.time.Instant;
import java.util.List;

/** A session became public (or public again after a cancellation). Topic schedule.events.v1, key sessionId. */
public record SessionScheduled(String eventId, Instant occurredAt, String sessionId, String editionId,
        String activityId, String trackId, long sequence, EventTitle title, Instant start, Instant end,
        String timeZone, String mode, EventVenue venue, String joinLink, EventCapacity capacity,
        List<String> audience, String level, String language, String status) {

    public static final String TYPE = "SessionScheduled";
}
