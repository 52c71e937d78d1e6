package org.eduweek.registration.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.SeatMode;
import org.eduweek.registration.domain.Session;

import tools.jackson.databind.json.JsonMapper;

/** Consumer side of the schedule's contract: its golden samples, read by their path in the repository. */
class SessionEventSamplesTest {

    private static final Path SAMPLES = Path.of("../schedule-service/src/test/resources/events");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void readsSessionScheduled() throws Exception {
        Session s = read("SessionScheduled.v1.json");
        assertThat(s.id()).isEqualTo("ses-fair-2020");
        assertThat(s.sequence()).isEqualTo(1);
        assertThat(s.start()).isEqualTo(Instant.parse("2020-10-21T01:00:00Z"));
        assertThat(s.seatModes()).containsExactly(SeatMode.IN_PERSON, SeatMode.ONLINE);
        assertThat(s.capacity(SeatMode.IN_PERSON)).isEqualTo(300);
        assertThat(s.capacity(SeatMode.ONLINE)).isEqualTo(500);
        assertThat(s.audience()).containsExactly("STUDENT", "NEW_STUDENT");
        assertThat(s.displayTitle()).isEqualTo("International Education Fair");
        assertThat(s.isPublished()).isTrue();
        assertThat(s.joinLink()).isEqualTo("https://meeting.example.edu/j/2020fair");
        assertThat(s.location()).isEqualTo("Main Hall, Gymnasium, Pingyuan");
        assertThat(s.title("zh")).isNotBlank();
    }

    @Test
    void readsSessionChangedWithItsNewCapacity() throws Exception {
        Session s = read("SessionChanged.v1.json");
        assertThat(s.sequence()).isEqualTo(2);
        assertThat(s.capacity(SeatMode.IN_PERSON)).isEqualTo(350);
        assertThat(s.start()).isEqualTo(Instant.parse("2020-10-21T02:00:00Z"));
    }

    @Test
    void readsSessionCancelledWithItsReason() throws Exception {
        Session s = read("SessionCancelled.v1.json");
        assertThat(s.sequence()).isEqualTo(3);
        assertThat(s.isCancelled()).isTrue();
        assertThat(s.reason()).isEqualTo("Moved online by epidemic prevention rules");
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        SessionEvent e = ScheduleEventsConsumer.parse(JSON,
                "{\"sessionId\":\"s1\",\"sequence\":4,\"brandNewField\":{\"x\":1},\"mode\":\"ONLINE\","
                        + "\"capacity\":{\"inPerson\":0,\"online\":40,\"standing\":5}}");
        assertThat(e.toSession().capacity(SeatMode.ONLINE)).isEqualTo(40);
    }

    private static Session read(String file) throws Exception {
        return ScheduleEventsConsumer.parse(JSON, Files.readString(SAMPLES.resolve(file))).toSession();
    }
}
