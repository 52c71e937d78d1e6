package org.eduweek.registration.events;

import java.time.Instant;

/** A registration ended; {@code reason} is PARTICIPANT, ORGANIZER or SESSION_CANCELLED. */
public record RegistrationCancelled(
        String eventId,
        Instant occurredAt,
        String registrationId,
        String sessionId,
        String editionId,
        String participantId,
        String previousStatus,
        String seatMode,
        String reason,
        String reasonText,
        String cancelledBy,
        String audience,
        String country,
        String affiliation) {

    public static final String TYPE = "RegistrationCancelled";
}
