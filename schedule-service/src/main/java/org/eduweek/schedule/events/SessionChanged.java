package org.eduweek.schedule.events;

import java.time.Instant;
import java.util.List;

/**
 * A public session changed; {@code changes} names what (TIME, VENUE, MODE, LINK, CAPACITY, TITLE, DESCRIPTION,
 * AUDIENCE, LEVEL, LANGUAGE, SPEAKERS, INSTITUTIONS, ACTIVITY) and {@code previous} holds the replaced values.
 */
public record SessionChanged(String eventId, Instant occurredAt, String sessionId, String editionId,
        String activityId, String trackId, long sequence, EventTitle title, Instant start, Instant end,
        String timeZone, String mode, EventVenue venue, String joinLink, EventCapacity capacity,
        List<String> audience, String level, String language, String status, List<String> changes,
        PreviousValues previous) {

    public static final String TYPE = "SessionChanged";
}
