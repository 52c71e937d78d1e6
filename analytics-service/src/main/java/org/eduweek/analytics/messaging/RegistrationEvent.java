package org.eduweek.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Trimmed copy of the four events on {@code registration.events.v1} (tolerant reader). participantId is read only
 * to be pseudonymized at once; names, free text and who acted ({@code cancelledBy}, {@code checkedInBy}) are not read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationEvent(String eventId, Instant occurredAt, String registrationId, String sessionId,
        String editionId, String participantId, String status, String seatMode, String audience, String country,
        String affiliation) {
}
