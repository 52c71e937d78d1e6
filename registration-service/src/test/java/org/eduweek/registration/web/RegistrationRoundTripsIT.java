package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.registration.config.RegistrationProperties;
import org.eduweek.registration.domain.Participant;
import org.eduweek.registration.domain.Registration;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.MongoCommandLog;
import org.eduweek.registration.support.MongoCommandLog.Command;

/**
 * The embedded MongoDB is the bottleneck of a registration burst, so {@code POST /api/registrations} has a budget of
 * round trips per request, counted with a driver command listener on the application's client, including the
 * outbox relay's removal of the events it published. An extra read or write on the hot path fails this test.
 */
class RegistrationRoundTripsIT extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(RegistrationRoundTripsIT.class);

    /** profile upsert, seat taken, registration inserted; relay removes ParticipantProfileChanged, RegistrationCreated */
    static final int NEW_CONFIRMED = 5;
    /** profile upsert, no seat, waitlist ticket, insert, one failed promotion attempt; the relay's two removals */
    static final int NEW_WAITLISTED = 7;
    /** profile update (one findAndModify), seat, insert; the relay removes RegistrationCreated */
    static final int RETURNING_CONFIRMED = 4;
    /** profile update, the existing registration read */
    static final int DUPLICATE = 2;
    static final int REQUESTS = 8;

    static MongoClient verifier;

    @Autowired
    MongoCommandLog commands;

    @BeforeAll
    static void connect() {
        // its own client: the waiting below must not be counted
        verifier = MongoClients.create(TestInfrastructure.mongoUri("eduweek-registration-it"));
    }

    @AfterAll
    static void disconnect() {
        verifier.close();
    }

    @Test
    void eachKindOfRegistrationStaysWithinItsRoundTripBudget() {
        Instant start = Instant.now().plus(Duration.ofDays(20));
        Session open = publish(session(unique("ses"), "OFFLINE", REQUESTS, 0, start, 1));
        Session full = publish(session(unique("ses"), "OFFLINE", 0, 0, start.plus(Duration.ofHours(3)), 1));
        Session later = publish(session(unique("ses"), "OFFLINE", REQUESTS, 0, start.plus(Duration.ofHours(6)), 1));
        List<String> first = IntStream.range(0, REQUESTS).mapToObj(i -> unique("rt")).toList();
        List<String> second = IntStream.range(0, REQUESTS).mapToObj(i -> unique("rt")).toList();

        assertWithinBudget("new participant, confirmed", open, first, 201, "CONFIRMED", NEW_CONFIRMED, 1);
        assertWithinBudget("new participant, waitlisted", full, second, 201, "WAITLISTED", NEW_WAITLISTED, 1);
        // the overlap rule looks at the participant's other session too (in memory)
        assertWithinBudget("returning participant, confirmed", later, first, 201, "CONFIRMED", RETURNING_CONFIRMED,
                2);
        assertWithinBudget("already registered", open, first, 200, "CONFIRMED", DUPLICATE, 1);
    }

    private void assertWithinBudget(String kind, Session session, List<String> participants, int status,
            String state, int budget, int sessionsTouched) {
        List<String> ids = new ArrayList<>(participants);
        ids.add(session.id());
        List<String> registrationIds = new ArrayList<>();
        commands.start();
        long started = System.nanoTime();
        for (String sub : participants) {
            Http.Response r = http().post("/api/registrations", participant(sub),
                    "{\"sessionId\":\"" + session.id() + "\"}");
            assertThat(r.status()).as(r.text()).isEqualTo(status);
            assertThat(r.json().get("status").asString()).isEqualTo(state);
            registrationIds.add(r.json().get("id").asString());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        ids.addAll(registrationIds);
        awaitOutboxEmpty(Participant.COLLECTION, participants);
        awaitOutboxEmpty(Registration.COLLECTION, registrationIds);
        List<Command> all = commands.stop();

        List<Command> sessionReads = all.stream().filter(c -> c.collection().equals(Session.COLLECTION)).toList();
        List<Command> hotPath = all.stream()
                .filter(c -> !c.collection().equals(Session.COLLECTION) && c.mentionsAny(ids)).toList();
        log.info("{}: {} round trips for {} requests (+{} session reads)", kind, hotPath.size(), participants.size(),
                sessionReads.size());
        assertThat(hotPath.size()).as("%s: at most %d round trips per request, got %s", kind, budget,
                hotPath.stream().map(c -> c.name() + " " + c.collection()).toList())
                .isLessThanOrEqualTo(budget * participants.size());
        // each session is read at most once per TTL of the in-memory copy, however many requests ask for it
        long ttlWindows = elapsed.toMillis() / RegistrationProperties.SESSION_CACHE_TTL.toMillis() + 1;
        assertThat(sessionReads).as("%s: sessions come from memory, not once per request", kind)
                .hasSizeLessThanOrEqualTo((int) (sessionsTouched * ttlWindows));
    }

    private static void awaitOutboxEmpty(String collection, List<String> ids) {
        await().atMost(Duration.ofSeconds(20)).until(() -> ids.stream().allMatch(id -> {
            Document d = verifier.getDatabase("eduweek-registration-it").getCollection(collection)
                    .find(Filters.eq("_id", id)).first();
            return d != null && d.getList("outbox", Document.class, List.of()).isEmpty();
        }));
    }
}
