package org.eduweek.notification.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.platform.testing.HostileRequests.Hostile;
import org.eduweek.platform.testing.HostileRequests;
import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Malformed and hostile requests ({@link HostileRequests}) against the real controllers: announcements, the
 * participant's preferences and notifications, the reminder settings. Each gets a 4xx problem in English and Chinese,
 * no leak, and nothing is written (no announcement, no message queued).
 */
class HostileInputsIT extends NotificationITBase {

    private static final String ORGANIZER = TestTokens.organizer("olga-hostile");
    private static final String PAUL = TestTokens.participant("paul-hostile");
    private static final String ANNOUNCEMENT =
            "{\"sessionId\":\"hostile-session\",\"subject\":\"Room change\",\"message\":\"Now in B2\",\"channels\":[\"EMAIL\"]}";

    private static final String REMINDERS = "{\"email\":[\"PT24H\"],\"sms\":[\"PT1H\"]}";

    @LocalServerPort
    private int port;
    @Autowired
    private MongoTemplate mongo;

    static Stream<Hostile> hostileInputs() {
        String announce = "/api/notifications/announcements";
        String reminders = "/api/notifications/editions/hostile-" + "edition/reminders";
        return Stream.of(
                HostileRequests.bodies(announce, ORGANIZER, ANNOUNCEMENT, "subject").stream(),
                Stream.of(
                        HostileRequests.replacing("channel in lower case", announce, ORGANIZER, ANNOUNCEMENT,
                                "\"EMAIL\"", "\"email\""),
                        HostileRequests.replacing("channels as an object", announce, ORGANIZER, ANNOUNCEMENT,
                                "[\"EMAIL\"]", "{\"EMAIL\":true}"),
                        HostileRequests.replacing("a subject of 10,000 characters", announce, ORGANIZER,
                                ANNOUNCEMENT, "Room change", "x".repeat(10_000)),
                        HostileRequests.replacing("a NUL in the subject", announce, ORGANIZER, ANNOUNCEMENT,
                                "Room change", "Room\\u0000change"),
                        HostileRequests.replacing("session and activity both", announce, ORGANIZER, ANNOUNCEMENT,
                                "\"subject\"", "\"activityId\":\"a1\",\"subject\"")),
                Stream.concat(HostileRequests.bodies(reminders, ORGANIZER, REMINDERS, "email").stream(), Stream.of(
                        HostileRequests.replacing("a negative offset", reminders, ORGANIZER, REMINDERS, "PT1H",
                                "-PT1H"),
                        HostileRequests.replacing("an offset beyond any long", reminders, ORGANIZER, REMINDERS,
                                "PT1H", "PT9223372036854775808H"),
                        HostileRequests.replacing("an offset that is not a duration", reminders, ORGANIZER, REMINDERS,
                                "PT1H", "1 hour")))
                        .map(h -> new Hostile(h.name() + " (reminders)", "PUT", h.target(), h.headers(), h.body())),
                HostileRequests.paths("/api/notifications").stream(),
                HostileRequests.paths("/api/notifications/announcements").stream())
                .flatMap(s -> s);
    }

    /** The organizer is on the edition's team, so what answers is the input's problem, not the team rule. */
    @org.junit.jupiter.api.BeforeEach
    void organizerOnTheTeam() {
        if (teams.find("hostile-edition").isEmpty()) {
            onTeam("hostile-edition", "olga-hostile");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void getsAProblemInTheCallersLanguageNeverA500AnHtmlPageOrALeak(Hostile hostile) throws IOException {
        for (String lang : List.of("en", "zh")) {
            long before = documents();
            HostileRequests.assertProblem(hostile, HostileRequests.send(port, hostile, lang), lang);
            assertThat(documents()).as("nothing written by " + hostile).isEqualTo(before);
        }
    }

    private long documents() {
        return mongo.getCollectionNames().stream().filter(name -> !name.startsWith("system."))
                .mapToLong(name -> mongo.getCollection(name).countDocuments()).sum();
    }
}
