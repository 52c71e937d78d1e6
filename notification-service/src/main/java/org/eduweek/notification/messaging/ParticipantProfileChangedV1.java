package org.eduweek.notification.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Trimmed copy of registration-service's event: only the contact fields this service needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParticipantProfileChangedV1(String eventId, Instant occurredAt, String participantId, String name,
        String email, String phone, String language, Boolean smsConsent, Long profileVersion) {
}
