package org.eduweek.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SessionTest {

    private static Session session(String mode, String start, String end, List<String> audience) {
        return new Session("s", "e", 1, Map.of("en", "T"), Instant.parse(start), Instant.parse(end), "Asia/Shanghai",
                mode, 10, 20, audience, null, "PUBLISHED", null, null);
    }

    @Test
    void offlineOffersOnlyInPersonSeatsAndOnlineOnlyOnlineSeats() {
        Session offline = session("OFFLINE", "2030-01-01T01:00:00Z", "2030-01-01T02:00:00Z", List.of());
        Session online = session("ONLINE", "2030-01-01T01:00:00Z", "2030-01-01T02:00:00Z", List.of());
        assertThat(offline.seatModes()).containsExactly(SeatMode.IN_PERSON);
        assertThat(offline.capacity(SeatMode.ONLINE)).isZero();
        assertThat(online.defaultSeatMode()).isEqualTo(SeatMode.ONLINE);
        assertThat(online.capacity(SeatMode.ONLINE)).isEqualTo(20);
    }

    @Test
    void sessionsOverlapOnlyWhenTheirTimesIntersect() {
        Session a = session("OFFLINE", "2030-01-01T01:00:00Z", "2030-01-01T02:00:00Z", List.of());
        Session touching = session("OFFLINE", "2030-01-01T02:00:00Z", "2030-01-01T03:00:00Z", List.of());
        Session inside = session("OFFLINE", "2030-01-01T01:30:00Z", "2030-01-01T01:45:00Z", List.of());
        assertThat(a.overlaps(touching)).isFalse();
        assertThat(a.overlaps(inside)).isTrue();
        assertThat(inside.overlaps(a)).isTrue();
    }

    @Test
    void emptyAudienceAdmitsEveryoneOtherwiseOnlyTheListed() {
        assertThat(session("OFFLINE", "2030-01-01T01:00:00Z", "2030-01-01T02:00:00Z", List.of()).admits(null))
                .isTrue();
        Session students = session("OFFLINE", "2030-01-01T01:00:00Z", "2030-01-01T02:00:00Z", List.of("STUDENT"));
        assertThat(students.admits("STUDENT")).isTrue();
        assertThat(students.admits("TEACHER")).isFalse();
        assertThat(students.admits(null)).isFalse();
    }

    @Test
    void confirmedRegistrationNeverScannedIsANoShowOnceTheSessionEnded() {
        Session s = session("OFFLINE", "2030-01-01T01:00:00Z", "2030-01-01T02:00:00Z", List.of());
        Registration r = Registration.confirmed("r", s, new Registration.Registrant("p", null, null, null),
                SeatMode.IN_PERSON, Instant.parse("2029-12-01T00:00:00Z")).registration();
        assertThat(r.attendance(s, Instant.parse("2030-01-01T01:30:00Z"))).isEqualTo(Registration.Attendance.EXPECTED);
        assertThat(r.attendance(s, Instant.parse("2030-01-01T02:00:00Z"))).isEqualTo(Registration.Attendance.NO_SHOW);
    }
}
