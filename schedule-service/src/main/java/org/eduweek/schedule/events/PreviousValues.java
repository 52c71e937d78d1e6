package org.eduweek.schedule.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The values a SessionChanged replaced, only for the fields named in {@code changes} (others are left out, so a
 * missing key means "unchanged", not "was empty").
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreviousValues(Instant start, Instant end, String timeZone, String mode, EventVenue venue,
        String joinLink, EventCapacity capacity, EventTitle title, List<String> audience, String level,
        String language, String activityId, String trackId) {
}
