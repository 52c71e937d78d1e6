package org.eduweek.registration.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.eduweek.registration.domain.Session;

/**
 * Trimmed copy of the schedule's SessionScheduled / SessionChanged / SessionCancelled payloads: only the fields
 * this service reads (tolerant reader; the rest is ignored).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SessionEvent(
        String eventId,
        String sessionId,
        String editionId,
        long sequence,
        Map<String, String> title,
        Instant start,
        Instant end,
        String timeZone,
        String mode,
        Capacity capacity,
        List<String> audience,
        String level,
        String status,
        String reason,
        String joinLink,
        Venue venue) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capacity(Integer inPerson, Integer online) {
    }

    /** Where an in-person session takes place, as the schedule names it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Venue(String campus, String building, String room) {

        /** "room, building, campus", the way the schedule's own calendars write it; null when empty. */
        String label() {
            String label = String.join(", ", java.util.stream.Stream.of(room, building, campus)
                    .filter(s -> s != null && !s.isBlank()).toList());
            return label.isEmpty() ? null : label;
        }
    }

    public Session toSession() {
        int inPerson = capacity == null || capacity.inPerson() == null ? 0 : capacity.inPerson();
        int online = capacity == null || capacity.online() == null ? 0 : capacity.online();
        return new Session(sessionId, editionId, sequence, title, start, end, timeZone, mode, inPerson, online,
                audience == null ? List.of() : audience, level, status, reason, joinLink,
                venue == null ? null : venue.label());
    }
}
