package org.eduweek.notification.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Trimmed copy of the registration events this service reacts to ({@code RegistrationCreated},
 * {@code WaitlistPromoted}, {@code RegistrationCancelled}); fields a type lacks stay null.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RegistrationEventV1(String eventId, Instant occurredAt, String registrationId, String sessionId,
        String editionId, String participantId, String status, String seatMode, Integer waitlistPosition,
        Long sessionSequence, String reason, String reasonText, String cancelledBy) {
}
