package org.eduweek.registration.events;

import java.time.Instant;

/** An organizer scanned a confirmed registration's QR code at the session. */
public record ParticipantCheckedIn(
        String eventId,
        Instant occurredAt,
        String registrationId,
        String sessionId,
        String editionId,
        String participantId,
        String seatMode,
        String checkedInBy,
        String audience,
        String country,
        String affiliation) {

    public static final String TYPE = "ParticipantCheckedIn";
}
