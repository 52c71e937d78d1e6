package org.eduweek.analytics.domain;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The schedule's view of a session, as far as figures need it. Kept only when its {@code sequence} is higher than
 * the one stored, so redelivered or late schedule events never roll a session back.
 */
@Document("sessions")
public record SessionInfo(@Id String id, long sequence, String editionId, String activityId, String trackId,
        String titleEn, String titleZh, Instant start, Instant end, String timeZone, String mode, String campus,
        int capacityInPerson, int capacityOnline, String status, Instant occurredAt) {

    public static final String CANCELLED = "CANCELLED";

    public boolean supersedes(SessionInfo current) {
        return current == null || sequence > current.sequence();
    }

    public int capacity() {
        return capacityInPerson + capacityOnline;
    }

    public boolean cancelled() {
        return CANCELLED.equals(status);
    }
}
