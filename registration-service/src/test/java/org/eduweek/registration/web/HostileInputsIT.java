package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.stream.Stream;

import org.eduweek.platform.testing.HostileRequests;
import org.eduweek.platform.testing.HostileRequests.Hostile;
import org.eduweek.registration.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Malformed and hostile requests ({@link HostileRequests}) against the real controllers: registering, the
 * participant's own reads and the organizers' session lists. Each gets a 4xx problem in English and Chinese, no
 * leak, and nothing is written.
 */
class HostileInputsIT extends IntegrationTest {

    private static final String PAUL = participant("paul-hostile");
    private static final String VALID = "{\"sessionId\":\"hostile-session\",\"seatMode\":\"IN_PERSON\"}";

    @Autowired
    private MongoTemplate mongo;

    static Stream<Hostile> hostileInputs() {
        String register = "/api/registrations";
        return Stream.of(
                HostileRequests.bodies(register, PAUL, VALID, "sessionId").stream(),
                Stream.of(
                        HostileRequests.replacing("seat mode in lower case", register, PAUL, VALID, "IN_PERSON",
                                "in_person"),
                        HostileRequests.replacing("an unknown seat mode", register, PAUL, VALID, "IN_PERSON",
                                "BALCONY"),
                        HostileRequests.replacing("duplicate key sessionId", register, PAUL, VALID,
                                "\"seatMode\"", "\"sessionId\":\"other\",\"seatMode\""),
                        HostileRequests.replacing("a session id of 10,000 characters", register, PAUL, VALID,
                                "hostile-session", "s".repeat(10_000)),
                        HostileRequests.replacing("a session id with ..%2f", register, PAUL, VALID,
                                "hostile-session", "..%2f..%2fadmin"),
                        HostileRequests.replacing("a session id with a NUL", register, PAUL, VALID,
                                "hostile-session", "a\\u0000b")),
                HostileRequests.paths("/api/registrations").stream(),
                HostileRequests.paths("/api/registrations/sessions/hostile-session/waitlist").stream())
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

    private long documents() {
        return mongo.getCollectionNames().stream().filter(name -> !name.startsWith("system."))
                .mapToLong(name -> mongo.getCollection(name).countDocuments()).sum();
    }
}
