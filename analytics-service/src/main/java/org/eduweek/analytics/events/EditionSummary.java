package org.eduweek.analytics.events;

import java.time.Instant;
import java.util.Map;

/**
 * Published on the compacted topic {@code analytics.edition-summary.v1}, key = editionId: the totals of one edition
 * over its sessions that are not cancelled. Rates as in {@link SessionStats}; notification counts per channel
 * ({@code EMAIL}, {@code SMS}).
 */
public record EditionSummary(String editionId, long sessions, long confirmed, long waitlisted, long cancelled,
        long checkedIn, long noShows, double fillRate, double attendanceRate, Map<String, Long> notificationsSent,
        Map<String, Long> notificationsFailed, Instant updatedAt) {

    public static final String TOPIC = "analytics.edition-summary.v1";
    public static final String EVENT_TYPE = "EditionSummary";
}
