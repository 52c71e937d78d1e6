package org.eduweek.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import org.eduweek.notification.config.NotificationProperties;

class ReminderTimingTest {

    private static SessionReplica session(Instant start, String zone) {
        return new SessionReplica("s", "e", "a", "Fair", "展", start, start.plusSeconds(3600), zone, "OFFLINE", "Hall",
                null, "PUBLISHED", 1);
    }

    @Test
    void hoursAreExactDurationsBeforeTheStart() {
        Instant start = Instant.parse("2020-10-21T01:00:00Z");
        assertThat(ReminderPlanner.dueAt(session(start, "Asia/Shanghai"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2020-10-21T00:00:00Z"));
        assertThat(ReminderPlanner.dueAt(session(start, "Asia/Shanghai"), Duration.ofMinutes(90)))
                .isEqualTo(Instant.parse("2020-10-20T23:30:00Z"));
    }

    @Test
    void aDayIsACalendarDayInTheSessionsZoneSoTheLocalTimeHoldsAcrossDaylightSaving() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        // Sunday 25 Oct 2020 10:00 Berlin; summer time ended at 03:00 that night, so the day before has 25 hours
        Instant start = ZonedDateTime.of(2020, 10, 25, 10, 0, 0, 0, berlin).toInstant();
        Instant due = ReminderPlanner.dueAt(session(start, "Europe/Berlin"), Duration.ofHours(24));
        assertThat(due.atZone(berlin).toLocalDateTime().toString()).isEqualTo("2020-10-24T10:00");
        assertThat(Duration.between(due, start)).isEqualTo(Duration.ofHours(25));
    }

    @Test
    void retryBackOffDoublesUpToItsCap() {
        NotificationProperties.Delivery d = new NotificationProperties.Delivery(true, 1, 1, Duration.ofSeconds(60),
                Duration.ofSeconds(1), 5, Duration.ofSeconds(10), Duration.ofMinutes(1), null);
        assertThat(d.backoff(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(d.backoff(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(d.backoff(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(d.backoff(4)).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void dedupeKeysCarryRegistrationKindSequenceAndChannel() {
        assertThat(Notification.key("reg-7f3a9c", NotificationKind.CONFIRMED, null, 1, Channel.EMAIL))
                .isEqualTo("reg-7f3a9c:CONFIRMED:1:EMAIL");
        assertThat(Notification.key("reg-7f3a9c", NotificationKind.REMINDER, "PT1H", 1, Channel.SMS))
                .isEqualTo("reg-7f3a9c:REMINDER-PT1H:1:SMS");
    }
}
