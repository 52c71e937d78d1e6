package org.eduweek.schedule.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eduweek.schedule.domain.Audience;
import org.eduweek.schedule.domain.Bilingual;
import org.eduweek.schedule.domain.Capacity;
import org.eduweek.schedule.domain.Mode;
import org.eduweek.schedule.domain.Session;
import org.eduweek.schedule.domain.SessionData;
import org.eduweek.schedule.domain.SessionEvent;
import org.eduweek.schedule.domain.VenueRef;
import org.eduweek.schedule.messaging.ScheduleEventMapper;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The golden samples are the contract: a session walked through the real domain (scheduled, moved by an hour with
 * more seats, cancelled) must serialize to exactly these three files. Only eventId is taken from the sample,
 * because it is random by design; nothing is ignored in the comparison.
 */
class GoldenSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ScheduleEventMapper mapper = new ScheduleEventMapper(JSON);

    @Test
    void sessionScheduledMatchesItsGoldenSample() throws Exception {
        SessionEvent scheduled = fair().publish(Instant.parse("2020-10-12T02:00:00Z")).event().orElseThrow();

        assertSerializesTo(scheduled, "SessionScheduled.v1.json");
    }

    @Test
    void sessionChangedMatchesItsGoldenSampleNamingTimeAndCapacity() throws Exception {
        Session published = fair().publish(Instant.parse("2020-10-12T02:00:00Z")).session();
        SessionData d = published.draft().shift(Duration.ofHours(1));
        SessionData moved = new SessionData(d.activityId(), d.trackId(), d.title(), d.description(), d.start(),
                d.end(), d.timeZone(), d.mode(), d.venue(), d.joinLink(), new Capacity(350, 500), d.audience(),
                d.level(), d.language(), d.speakerIds(), d.institutionIds(), false, null);
        Instant at = Instant.parse("2020-10-15T03:30:00Z");

        SessionEvent changed = published.edit(moved, at).publish(at).event().orElseThrow();

        assertSerializesTo(changed, "SessionChanged.v1.json");
    }

    @Test
    void sessionCancelledMatchesItsGoldenSample() throws Exception {
        Session published = fair().publish(Instant.parse("2020-10-12T02:00:00Z")).session();
        SessionData d = published.draft().shift(Duration.ofHours(1));
        Session moved = published.edit(new SessionData(d.activityId(), d.trackId(), d.title(), d.description(),
                d.start(), d.end(), d.timeZone(), d.mode(), d.venue(), d.joinLink(), new Capacity(350, 500),
                d.audience(), d.level(), d.language(), d.speakerIds(), d.institutionIds(), false, null),
                Instant.parse("2020-10-15T03:30:00Z")).publish(Instant.parse("2020-10-15T03:30:00Z")).session();
        Instant at = Instant.parse("2020-10-18T06:00:00Z");

        SessionEvent cancelled = moved.edit(moved.draft().cancel("Moved online by epidemic prevention rules"), at)
                .publish(at).event().orElseThrow();

        assertSerializesTo(cancelled, "SessionCancelled.v1.json");
    }

    private void assertSerializesTo(SessionEvent event, String sample) throws Exception {
        JsonNode expected = JSON.readTree(Files.readString(Path.of("src/test/resources/events/" + sample)));
        String json = JSON.writeValueAsString(mapper.toRecord(event, expected.get("eventId").asString()));
        assertThat(JSON.readTree(json)).isEqualTo(expected);
    }

    static Session fair() {
        SessionData data = new SessionData("act-education-fair", "trk-talent-cultivation",
                new Bilingual("International Education Fair", "国际教育展"), null,
                Instant.parse("2020-10-21T01:00:00Z"), Instant.parse("2020-10-21T04:00:00Z"), "Asia/Shanghai",
                Mode.HYBRID, new VenueRef("ven-pingyuan-gym", "Pingyuan", "Gymnasium", "Main Hall"),
                "https://meeting.example.edu/j/2020fair", new Capacity(300, 500),
                List.of(Audience.STUDENT, Audience.NEW_STUDENT), null, "en", List.of(), List.of(), false, null);
        return Session.create("ses-fair-2020", "iew-2020", data, Instant.parse("2020-10-01T00:00:00Z"));
    }
}
