package org.eduweek.analytics.events;

import java.time.Instant;
import java.util.Map;

/**
 * Published on the compacted topic {@code analytics.session-stats.v1}, key = sessionId: the latest figures of one
 * session, with what a dashboard needs to draw it without joins (from the schedule's events: {@code title} in
 * {@code en} and {@code zh} as far as the schedule gave them, {@code start}, {@code end}, {@code timeZone},
 * {@code mode}, {@code campus}, {@code status}; null until analytics has seen the session's schedule event).
 * {@code fillRate} = confirmed / total capacity; {@code attendanceRate} = checkedIn / confirmed;
 * {@code noShows} = confirmed but not checked in, counted once the session has ended; {@code demand} flags a
 * waitlist over 20 % of the capacity; {@code updatedAt} = time of the latest event that went into these figures (so
 * a rebuild republishes identical records). A record is published only when something other than
 * {@code updatedAt} changed.
 */
public record SessionStats(String sessionId, String editionId, String activityId, String trackId,
        Map<String, String> title, Instant start, Instant end, String timeZone, String mode, String campus,
        String status, Capacity capacity, long confirmed, long waitlisted, long cancelled, long checkedIn,
        long noShows, double fillRate, long waitlistLength, double attendanceRate, Demand demand,
        Instant updatedAt) {

    public static final String TOPIC = "analytics.session-stats.v1";
    public static final String EVENT_TYPE = "SessionStats";

    /** The content that decides whether a record is worth publishing: everything but {@code updatedAt}. */
    public SessionStats withoutTimestamp() {
        return new SessionStats(sessionId, editionId, activityId, trackId, title, start, end, timeZone, mode, campus,
                status, capacity, confirmed, waitlisted, cancelled, checkedIn, noShows, fillRate, waitlistLength,
                attendanceRate, demand, null);
    }
}
