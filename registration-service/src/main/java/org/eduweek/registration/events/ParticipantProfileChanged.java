package org.eduweek.registration.events;

import java.time.Instant;

/**
 * A participant's contact data as it is now (full state, not a diff); {@code profileVersion} rises with each.
 * {@code timeZone} is the IANA zone the participant chose (null when none was chosen).
 */
public record ParticipantProfileChanged(
        String eventId,
        Instant occurredAt,
        String participantId,
        String name,
        String email,
        String phone,
        String language,
        boolean smsConsent,
        String audience,
        String affiliation,
        String country,
        String timeZone,
        long profileVersion) {

    public static final String TYPE = "ParticipantProfileChanged";
}
