package org.eduweek.analytics.events;

import java.time.Instant;

/**
 * Published on the compacted topic {@code analytics.session-stats.v1}, key = sessionId: the latest figures of one
 * session. {@code fillRate} = confirmed / total capacity; {@code attendanceRate} = checkedIn / confirmed;
 * {@code noShows} = confirmed but not checked in, counted once the session has ended; {@code updatedAt} = time of
 * the latest event that went into these figures (so a rebuild republishes identical records).
 */
public record SessionStats(String sessionId, String editionId, String activityId, String trackId,
        Capacity capacity, long confirmed, long waitlisted, long cancelled, long checkedIn, long noShows,
        double fillRate, long waitlistLength, double attendanceRate, Instant updatedAt) {

    public static final String TOPIC = "analytics.session-stats.v1";
    public static final String EVENT_TYPE = "SessionStats";
}
