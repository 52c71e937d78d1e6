package org.eduweek.notification.delivery;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/** The local window in which no SMS goes out; it may wrap midnight (22:00-07:00). */
public record QuietHours(LocalTime start, LocalTime end) {

    /** @return when the window ends, if {@code now} falls inside it */
    public Optional<Instant> endIfInside(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        boolean wraps = start.isAfter(end);
        boolean inside = wraps ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!inside) {
            return Optional.empty();
        }
        ZonedDateTime endToday = local.with(end);
        ZonedDateTime resume = endToday.isAfter(local) ? endToday : local.plusDays(1).with(end);
        return Optional.of(resume.toInstant());
    }
}
