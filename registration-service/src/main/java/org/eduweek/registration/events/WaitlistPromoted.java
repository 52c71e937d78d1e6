package org.eduweek.registration.events;

import java.time.Instant;

/** A waitlisted registration got a seat and is now CONFIRMED. */
public record WaitlistPromoted(
        String eventId,
        Instant occurredAt,
        String registrationId,
        String sessionId,
        String editionId,
        String participantId,
        String seatMode,
        String audience,
        String country,
        String affiliation) {

    public static final String TYPE = "WaitlistPromoted";
}
