package org.eduweek.analytics.domain;

import java.time.Instant;
import java.util.Map;

/**
 * The figures of one scope. {@code capacity} and {@code sessions} count sessions that are not cancelled;
 * {@code fillRate} = confirmed / capacity; {@code waitlistLength} = waitlisted; {@code attendanceRate} = checkedIn /
 * confirmed; {@code noShows} = confirmed but not checked in, for sessions that have ended.
 */
public record Figures(Scope scope, String id, String editionId, long sessions, long capacity, long confirmed,
        long waitlisted, long cancelled, long checkedIn, long noShows, double fillRate, long waitlistLength,
        double attendanceRate, Map<String, Long> notificationsSent, Map<String, Long> notificationsFailed,
        Instant updatedAt) {

    /** Demand = everyone who wants a seat; sorts the "top sessions" list. */
    public long demand() {
        return confirmed + waitlisted;
    }

    static double ratio(long part, long whole) {
        return whole <= 0 ? 0.0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }
}
