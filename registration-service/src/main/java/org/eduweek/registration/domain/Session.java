package org.eduweek.registration.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * This service's replica of a session, kept from {@code schedule.events.v1}: only what registering, capacity and
 * check-in need, and the join link, which the schedule gives only to staff and this service only to registrations
 * that hold a seat ({@link Registration#joinLink}). {@code sequence} rises with every change the schedule
 * publishes, so an older event never overwrites a newer one. {@code location} is the venue as one line
 * ("room, building, campus"), for calendars; null for a session without a room.
 */
@Document(Session.COLLECTION)
public record Session(
        @Id String id,
        String editionId,
        long sequence,
        Map<String, String> title,
        Instant start,
        Instant end,
        String timeZone,
        String mode,
        int capacityInPerson,
        int capacityOnline,
        List<String> audience,
        String level,
        String status,
        String reason,
        String joinLink,
        String location) {

    public static final String COLLECTION = "sessions";

    @PersistenceCreator
    public Session {
    }

    /** A session without a venue line. */
    public Session(String id, String editionId, long sequence, Map<String, String> title, Instant start, Instant end,
            String timeZone, String mode, int capacityInPerson, int capacityOnline, List<String> audience,
            String level, String status, String reason, String joinLink) {
        this(id, editionId, sequence, title, start, end, timeZone, mode, capacityInPerson, capacityOnline, audience,
                level, status, reason, joinLink, null);
    }

    /** The title in {@code lang} (en or zh), else in the other language, else the id. */
    public String title(String lang) {
        if (title == null || title.isEmpty()) {
            return id;
        }
        String in = title.get(lang);
        return in != null && !in.isBlank() ? in : displayTitle();
    }

    public boolean isPublished() {
        return "PUBLISHED".equals(status);
    }

    public boolean isCancelled() {
        return "CANCELLED".equals(status);
    }

    public boolean hasStarted(Instant now) {
        return start != null && !now.isBefore(start);
    }

    public boolean hasEnded(Instant now) {
        return end != null && !now.isBefore(end);
    }

    /** The seat modes this session offers, by its mode: OFFLINE in person, ONLINE online, HYBRID both. */
    public List<SeatMode> seatModes() {
        return switch (mode == null ? "OFFLINE" : mode) {
            case "ONLINE" -> List.of(SeatMode.ONLINE);
            case "HYBRID" -> List.of(SeatMode.IN_PERSON, SeatMode.ONLINE);
            default -> List.of(SeatMode.IN_PERSON);
        };
    }

    public int capacity(SeatMode seatMode) {
        if (!seatModes().contains(seatMode)) {
            return 0;
        }
        return seatMode == SeatMode.IN_PERSON ? capacityInPerson : capacityOnline;
    }

    public SeatMode defaultSeatMode() {
        return seatModes().get(0);
    }

    public boolean overlaps(Session other) {
        return start != null && end != null && other.start != null && other.end != null
                && start.isBefore(other.end) && other.start.isBefore(end);
    }

    public String displayTitle() {
        if (title == null || title.isEmpty()) {
            return id;
        }
        return title.getOrDefault("en", title.values().iterator().next());
    }

    public boolean admits(String participantAudience) {
        return audience == null || audience.isEmpty()
                || (participantAudience != null && audience.contains(participantAudience));
    }
}
