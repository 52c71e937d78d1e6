package org.eduweek.analytics.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Registrations (by the time they were created) and cancellations over time, per hour or per day in a given zone
 * (the edition's zone by default, see {@link #zoneOf}). Buckets without any event are left out.
 */
public final class TimeSeries {

    public enum Interval { HOUR, DAY }

    /** {@code start}: ISO-8601 with the zone's offset, e.g. 2020-10-16T00:00:00+08:00. */
    public record Bucket(String start, long registrations, long cancellations) {
    }

    private TimeSeries() {
    }

    public static List<Bucket> of(Projection p, Set<String> sessionIds, Interval interval, ZoneId zone) {
        TreeMap<ZonedDateTime, long[]> buckets = new TreeMap<>();
        for (RegistrationState r : p.registrations.values()) {
            if (!sessionIds.contains(r.sessionId())) {
                continue;
            }
            if (r.createdAt() != null) {
                buckets.computeIfAbsent(bucket(r.createdAt(), interval, zone), k -> new long[2])[0]++;
            }
            if (RegistrationState.CANCELLED.equals(r.status())) {
                buckets.computeIfAbsent(bucket(r.cancelledAt(), interval, zone), k -> new long[2])[1]++;
            }
        }
        List<Bucket> result = new ArrayList<>();
        buckets.forEach((start, counts) -> result.add(
                new Bucket(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start), counts[0], counts[1])));
        return result;
    }

    /** The zone of the scope's first session by start time; UTC when the schedule has not told us any. */
    public static ZoneId zoneOf(Projection p, Set<String> sessionIds) {
        return sessionIds.stream().map(p.sessions::get).filter(s -> s != null && s.timeZone() != null)
                .min(java.util.Comparator.comparing((SessionInfo s) -> s.start() == null ? Instant.MAX : s.start())
                        .thenComparing(SessionInfo::id))
                .map(s -> safeZone(s.timeZone())).orElse(ZoneId.of("UTC"));
    }

    private static ZoneId safeZone(String id) {
        try {
            return ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneId.of("UTC");
        }
    }

    private static ZonedDateTime bucket(Instant at, Interval interval, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return interval == Interval.DAY ? local.truncatedTo(ChronoUnit.DAYS) : local.truncatedTo(ChronoUnit.HOURS);
    }
}
