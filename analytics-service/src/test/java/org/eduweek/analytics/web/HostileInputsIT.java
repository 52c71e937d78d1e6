package org.eduweek.analytics.web;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.eduweek.analytics.support.IntegrationTestSupport;
import org.eduweek.platform.testing.HostileRequests.Hostile;
import org.eduweek.platform.testing.HostileRequests;
import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed and hostile requests ({@link HostileRequests}) against the real controllers: figures, time series, top
 * sessions and the rebuild. Each gets a 4xx problem in English and Chinese with no leak. The service reads only;
 * the one write, a rebuild, is refused to every token here.
 */
class HostileInputsIT extends IntegrationTestSupport {

    private static final String ORGANIZER = TestTokens.organizer("olga-hostile");

    private static Hostile organizerGet(String name, String target) {
        return new Hostile(name, "GET", target, HostileRequests.headers("Authorization", "Bearer " + ORGANIZER), null);
    }

    static Stream<Hostile> hostileInputs() {
        String series = "/api/analytics/timeseries";
        return Stream.of(
                Stream.of(
                        organizerGet("scope in lower case", series + "?scope=session&id=s1"),
                        organizerGet("an unknown interval", series + "?scope=SESSION&id=s1&interval=MINUTE"),
                        organizerGet("a zone that does not exist", series + "?scope=SESSION&id=s1&zone=Mars/Olympus"),
                        organizerGet("a zone with ..%2f", series + "?scope=SESSION&id=s1&zone=..%2f..%2fetc"),
                        organizerGet("no scope", series + "?id=s1"),
                        organizerGet("limit 0", "/api/analytics/top-sessions?limit=0"),
                        organizerGet("limit huge", "/api/analytics/top-sessions?limit=99999999999"),
                        organizerGet("limit not a number", "/api/analytics/top-sessions?limit=1e3"),
                        organizerGet("limit repeated and negative", "/api/analytics/top-sessions?limit=-1&limit=5"),
                        organizerGet("an id of 10,000 characters", "/api/analytics/sessions/" + "s".repeat(10_000)),
                        new Hostile("rebuild with a participant's token", "POST", "/api/analytics/admin/rebuild",
                                HostileRequests.headers("Authorization", "Bearer " + TestTokens.participant("p")),
                                null),
                        new Hostile("rebuild with the token in the query string", "POST",
                                "/api/analytics/admin/rebuild?access_token=" + ORGANIZER, java.util.Map.of(), null),
                        new Hostile("rebuild with look-alike roles", "POST", "/api/analytics/admin/rebuild",
                                HostileRequests.headers("Authorization", "Bearer " + TestTokens.token("m",
                                        List.of("\u0410DMIN", "ADMIN\u200B", "admin"), java.util.Map.of())), null)),
                HostileRequests.paths("/api/analytics/sessions").stream(),
                HostileRequests.paths("/api/analytics/editions").stream())
                .flatMap(s -> s);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void getsAProblemInTheCallersLanguageNeverA500AnHtmlPageOrALeak(Hostile hostile) throws IOException {
        for (String lang : List.of("en", "zh")) {
            HostileRequests.assertProblem(hostile, HostileRequests.send(port, hostile, lang), lang);
        }
    }
}
