package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.eduweek.platform.testing.HostileRequests;
import org.eduweek.platform.testing.HostileRequests.Hostile;
import org.eduweek.platform.testing.HostileRequests.Raw;
import org.eduweek.schedule.ScheduleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile requests ({@link HostileRequests}) against the real controllers: creating sessions, browsing
 * the programme, single sessions and their calendar files. Each gets a 4xx problem in English and Chinese, no leak,
 * and nothing is written.
 */
class HostileInputsIT extends ScheduleIntegrationTest {

    private static final String SESSIONS = "/api/schedule/sessions";
    private static final String VALID_SESSION = """
            {"editionId":"hostile","title":"T","start":"2031-05-05T09:00:00+02:00","end":"2031-05-05T10:00:00+02:00",
             "mode":"OFFLINE","capacity":10,"venue":{"campus":"Main","room":"H1"}}""";

    private static Hostile session(String name, String from, String to) {
        return HostileRequests.replacing(name, SESSIONS, ORGANIZER, VALID_SESSION, from, to);
    }

    private static Hostile read(String name, String target, String... headers) {
        return new Hostile(name, "GET", target, HostileRequests.headers(headers), null);
    }

    static Stream<Hostile> hostileInputs() {
        return Stream.of(
                HostileRequests.bodies(SESSIONS, ORGANIZER, VALID_SESSION, "title").stream(),
                Stream.of(
                        session("capacity 1e400", "\"capacity\":10", "\"capacity\":1e400"),
                        session("capacity 9223372036854775808", "\"capacity\":10", "\"capacity\":9223372036854775808"),
                        session("capacity -0", "\"capacity\":10", "\"capacity\":-0"),
                        session("duplicate key editionId", "\"title\":\"T\"", "\"title\":\"T\",\"editionId\":\"other\""),
                        session("date 2026-02-30", "2031-05-05T09:00:00+02:00", "2026-02-30T09:00:00+02:00"),
                        session("year +10000", "2031-05-05T09:00:00+02:00", "+10000-01-01T09:00:00+02:00"),
                        session("a time without zone", "2031-05-05T09:00:00+02:00", "2031-05-05T09:00:00"),
                        session("enum value in lower case", "\"OFFLINE\"", "\"offline\""),
                        read("day 2026-02-30", SESSIONS + "?day=2026-02-30"),
                        read("enum filter in lower case", SESSIONS + "?mode=online"),
                        read("a day of 20,000 characters", SESSIONS + "?day=" + "x".repeat(20_000)),
                        new Hostile("PATCH on a calendar file", "PATCH", SESSIONS + "/x/calendar.ics", Map.of(), null),
                        new Hostile("X-HTTP-Method-Override: DELETE on a calendar file", "POST",
                                SESSIONS + "/x/calendar.ics", HostileRequests.headers("X-HTTP-Method-Override",
                                        "DELETE", "Authorization", "Bearer " + ORGANIZER), null),
                        new Hostile("PUT on the collection", "PUT", SESSIONS,
                                HostileRequests.headers("Authorization", "Bearer " + ORGANIZER), null)),
                HostileRequests.paths(SESSIONS).stream())
                .flatMap(s -> s);
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

    /** A repeated query parameter is harmless: the first value counts, as everywhere in Spring MVC. */
    @Test
    void aRepeatedParameterTakesItsFirstValue() throws IOException {
        Raw answer = HostileRequests.send(port, new Hostile("repeated", "GET", SESSIONS + "?page=1&page=-5", Map.of(),
                null), "en");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).get("page").asInt()).isEqualTo(1);
    }

    private long documents() {
        return mongo.getCollectionNames().stream().filter(name -> !name.startsWith("system."))
                .mapToLong(name -> mongo.getCollection(name).countDocuments()).sum();
    }
}
