package org.eduweek.analytics.events;

import java.time.Instant;
import java.util.Map;

/**
 * Published on the compacted topic {@code analytics.edition-summary.v1}, key = editionId: the totals of one edition
 * over its sessions that are not cancelled. Sessions that belong to no edition are summed under the edition id
 * {@value #UNASSIGNED}. Rates as in {@link SessionStats}; notification counts per channel ({@code EMAIL},
 * {@code SMS}); {@code sessionsNeedingMoreRoom} counts the sessions whose {@link Demand} is flagged. A record is
 * published only when something other than {@code updatedAt} changed.
 */
public record EditionSummary(String editionId, long sessions, long confirmed, long waitlisted, long cancelled,
        long checkedIn, long noShows, double fillRate, double attendanceRate, Map<String, Long> notificationsSent,
        Map<String, Long> notificationsFailed, long sessionsNeedingMoreRoom, Instant updatedAt) {

    public static final String TOPIC = "analytics.edition-summary.v1";
    public static final String EVENT_TYPE = "EditionSummary";
    /** The edition id under which sessions without an edition are summed. */
    public static final String UNASSIGNED = "unassigned";

    public EditionSummary withoutTimestamp() {
        return new EditionSummary(editionId, sessions, confirmed, waitlisted, cancelled, checkedIn, noShows, fillRate,
                attendanceRate, notificationsSent, notificationsFailed, sessionsNeedingMoreRoom, null);
    }
}
