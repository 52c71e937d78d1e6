package org.eduweek.notification.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** This service's replica of a participant's contact data, from {@code ParticipantProfileChanged}. */
@Document("contacts")
public record Contact(@Id String participantId, String name, String email, String phone, String language,
        boolean smsConsent, long profileVersion, Instant occurredAt) {
}
