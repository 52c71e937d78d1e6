package org.eduweek.registration.events;

import java.time.Instant;

/** A participant registered: status CONFIRMED (holds a seat) or WAITLISTED (with the position at that moment). */
public record RegistrationCreated(
        String eventId,
        Instant occurredAt,
        String registrationId,
        String sessionId,
        String editionId,
        String participantId,
        String status,
        String seatMode,
        Integer waitlistPosition,
        String audience,
        String country,
        String affiliation,
        long sessionSequence) {

    public static final String TYPE = "RegistrationCreated";
}
