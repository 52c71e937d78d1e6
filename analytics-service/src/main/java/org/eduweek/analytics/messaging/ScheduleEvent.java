package org.eduweek.analytics.messaging;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import tools.jackson.databind.JsonNode;

/** Trimmed copy of the session events on {@code schedule.events.v1}; all three carry the full session. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ScheduleEvent(String eventId, Instant occurredAt, String sessionId, String editionId,
        String activityId, String trackId, Long sequence, JsonNode title, Instant start, Instant end,
        String timeZone, String mode, Venue venue, Capacity capacity, String status) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Venue(String campus) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capacity(Integer inPerson, Integer online) {
    }

    /** The title in one language; a plain-string title counts as English. */
    String title(String language) {
        if (title == null || title.isNull()) {
            return null;
        }
        if (title.isString()) {
            return "en".equals(language) ? title.asString() : null;
        }
        JsonNode value = title.get(language);
        return value == null || value.isNull() ? null : value.asString();
    }
}
