package org.eduweek.notification.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Trimmed copy of {@code SessionScheduled}, {@code SessionChanged} and {@code SessionCancelled} (same shape). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionEventV1(String eventId, Instant occurredAt, String sessionId, String editionId,
        String activityId, long sequence, Title title, Instant start, Instant end, String timeZone, String mode,
        Venue venue, String joinLink, String status, List<String> changes, String reason) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Title(String en, String zh) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Venue(String campus, String building, String room) {

        public String describe() {
            StringBuilder b = new StringBuilder();
            for (String part : new String[] { campus, building, room }) {
                if (part != null && !part.isBlank()) {
                    b.append(b.isEmpty() ? "" : ", ").append(part);
                }
            }
            return b.isEmpty() ? null : b.toString();
        }
    }
}
