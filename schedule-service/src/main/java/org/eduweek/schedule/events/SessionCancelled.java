package org.eduweek.schedule.events;

import java.time.Instant;
import java.util.List;

/** A public session was cancelled; the last published values travel along so consumers can tell registrants. */
public record SessionCancelled(String eventId, Instant occurredAt, String sessionId, String editionId,
        String activityId, String trackId, long sequence, EventTitle title, Instant start, Instant end,
        String timeZone, String mode, EventVenue venue, String joinLink, EventCapacity capacity,
        List<String> audience, String level, String language, String status, String reason) {

    public static final String TYPE = "SessionCancelled";
}
