package org.eduweek.analytics.domain;

import java.time.Instant;

/**
 * One registration event reduced to what analytics may keep: no participant id (only its pseudonym), no names,
 * no free text. {@code status} is set only for {@link Kind#CREATED}.
 */
public record RegistrationFact(Kind kind, String registrationId, String sessionId, String editionId,
        String pseudonym, Instant at, String status, String seatMode, String audience, String country,
        String affiliation) {

    public enum Kind { CREATED, PROMOTED, CANCELLED, CHECKED_IN }
}
