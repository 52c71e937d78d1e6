package org.eduweek.schedule.domain;

import java.time.Instant;
import java.util.List;

/**
 * Everything an organizer edits about a session. A session keeps two of these: the draft being edited and the
 * snapshot of its last publication; the difference between them is what the next release announces.
 */
public record SessionData(
        String activityId,
        String trackId,
        Bilingual title,
        Bilingual description,
        Instant start,
        Instant end,
        String timeZone,
        Mode mode,
        VenueRef venue,
        String joinLink,
        Capacity capacity,
        List<Audience> audience,
        String level,
        String language,
        List<String> speakerIds,
        List<String> institutionIds,
        boolean cancelled,
        String cancelReason) {

    public SessionData {
        audience = audience == null ? List.of() : List.copyOf(audience);
        speakerIds = speakerIds == null ? List.of() : List.copyOf(speakerIds);
        institutionIds = institutionIds == null ? List.of() : List.copyOf(institutionIds);
        description = description == null ? new Bilingual(null, null) : description;
    }

    public SessionData cancel(String reason) {
        return new SessionData(activityId, trackId, title, description, start, end, timeZone, mode, venue, joinLink,
                capacity, audience, level, language, speakerIds, institutionIds, true, reason);
    }

    public SessionData restore() {
        return new SessionData(activityId, trackId, title, description, start, end, timeZone, mode, venue, joinLink,
                capacity, audience, level, language, speakerIds, institutionIds, false, null);
    }

    public SessionData shift(java.time.Duration by) {
        return new SessionData(activityId, trackId, title, description, start.plus(by), end.plus(by), timeZone, mode,
                venue, joinLink, capacity, audience, level, language, speakerIds, institutionIds, cancelled,
                cancelReason);
    }

    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
