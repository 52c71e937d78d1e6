package org.eduweek.schedule.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A session as an organizer sent it, before the rules turned it into {@link SessionData}. Nullable everywhere: the
 * rules name each missing field. {@code capacity} is the single-mode figure; HYBRID uses the two per-mode ones.
 */
public record SessionInput(
        String editionId,
        String activityId,
        String trackId,
        Bilingual title,
        Bilingual description,
        OffsetDateTime start,
        OffsetDateTime end,
        String timeZone,
        Mode mode,
        Integer capacity,
        Integer capacityInPerson,
        Integer capacityOnline,
        String venueId,
        VenueRef venue,
        String joinLink,
        List<Audience> audience,
        String level,
        String language,
        List<String> speakerIds,
        List<String> institutionIds) {
}
