package org.eduweek.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private final QuietHours quiet = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

    private static Instant at(String localDateTime) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(localDateTime), SHANGHAI).toInstant();
    }

    @Test
    void lateEveningWaitsUntilSevenNextMorning() {
        assertThat(quiet.endIfInside(at("2020-10-20T23:30"), SHANGHAI)).contains(at("2020-10-21T07:00"));
        assertThat(quiet.endIfInside(at("2020-10-20T22:00"), SHANGHAI)).contains(at("2020-10-21T07:00"));
    }

    @Test
    void earlyMorningWaitsUntilSevenTheSameDay() {
        assertThat(quiet.endIfInside(at("2020-10-21T03:00"), SHANGHAI)).contains(at("2020-10-21T07:00"));
    }

    @Test
    void daytimeIsNotQuiet() {
        assertThat(quiet.endIfInside(at("2020-10-21T07:00"), SHANGHAI)).isEmpty();
        assertThat(quiet.endIfInside(at("2020-10-21T21:59"), SHANGHAI)).isEmpty();
    }

    @Test
    void theWindowIsLocalToTheGivenZone() {
        // 23:30 in Shanghai is 16:30 in Berlin (summer time): quiet in one, not in the other
        Instant t = at("2020-10-20T23:30");
        assertThat(quiet.endIfInside(t, ZoneId.of("Europe/Berlin"))).isEmpty();
    }

    @Test
    void aWindowThatDoesNotWrapMidnightWorksToo() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.endIfInside(at("2020-10-21T12:30"), SHANGHAI)).contains(at("2020-10-21T13:00"));
        assertThat(lunch.endIfInside(at("2020-10-21T13:30"), SHANGHAI)).isEmpty();
    }
}
