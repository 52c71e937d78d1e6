package org.eduweek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.store.ContactStore;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.store.SessionStore;
import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.MailParts;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.Offsets;
import org.eduweek.notification.support.TestEvents;
import org.eduweek.notification.support.TestMail;

class ConfirmationFlowIT extends NotificationITBase {

    private static KafkaConsumer<String, String> notificationEvents;
    private static final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    @Autowired
    NotificationStore store;

    @Autowired
    ContactStore contacts;

    @Autowired
    SessionStore sessions;

    @BeforeAll
    static void subscribe() {
        notificationEvents = TestEvents.reader("notification.events.v1");
    }

    @AfterAll
    static void close() {
        notificationEvents.close();
    }

    @Test
    void sendsConfirmationEmailWithSessionTitleAndPublishesNotificationSent() throws Exception {
        String sessionId = Fixtures.id("ses");
        String regId = Fixtures.id("reg");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person alice = fixtures.person("en", false);
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(regId, sessionId, alice.id(), "CONFIRMED", 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(alice.email()).size() == 1);
        MimeMessage mail = TestMail.to(alice.email()).get(0);
        assertThat(mail.getSubject()).contains("International Education Fair").contains("confirmed");

        JsonNode sent = awaitEvent(regId + ":CONFIRMED:1:EMAIL");
        assertThat(sent.get("participantId").asString()).isEqualTo(alice.id());
        assertThat(sent.get("kind").asString()).isEqualTo("CONFIRMED");
        assertThat(sent.get("channel").asString()).isEqualTo("EMAIL");
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        JsonNode golden = TestEvents.JSON.readTree(
                java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/events/NotificationSent.v1.json")));
        assertThat(fieldNames(sent)).isEqualTo(fieldNames(golden));
    }

    @Test
    void parkedMessageMarkersAreIndexedByParticipantAndSession(
            @Autowired org.springframework.data.mongodb.core.MongoTemplate mongo) {
        List<String> keys = new ArrayList<>();
        mongo.getCollection(NotificationStore.WAITING).listIndexes()
                .forEach(index -> keys.add(index.get("key", org.bson.Document.class).toJson()));
        assertThat(keys).contains("{\"participantId\": 1}", "{\"sessionId\": 1}");
    }

    @Test
    void aContactArrivingJustAfterTheRegistrationGetsTheConfirmationSentWithoutParkingIt() {
        String sessionId = Fixtures.id("ses");
        String regId = Fixtures.id("reg");
        String pid = Fixtures.id("p");
        String key = regId + ":CONFIRMED:1:EMAIL";
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        // the session comes on another topic: a registration overtaking it is parked for the session and claimed
        // again on its release, which is right but not what this test is about
        await().atMost(Duration.ofSeconds(20)).until(() -> sessions.stored(sessionId).isPresent());
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(regId, sessionId, pid, "CONFIRMED", 1));
        // claimed, and held in memory for the contact
        await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(key)
                .map(n -> n.state() == NotificationState.SENDING).orElse(false));

        fixtures.publishProfile(fixtures.profile(pid, pid + "@example.edu", null, "en", false, 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(pid + "@example.edu").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> store.byKey(key).orElseThrow().state()
                == NotificationState.SENT);
        // parked and released, it would have been claimed a second time
        assertThat(store.byKey(key).orElseThrow().claims()).isEqualTo(1);
    }

    @Test
    void holdsTheConfirmationUntilTheContactArrivesThenSendsIt() {
        String sessionId = Fixtures.id("ses");
        String regId = Fixtures.id("reg");
        String pid = Fixtures.id("p");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(regId, sessionId, pid, "CONFIRMED", 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(regId + ":CONFIRMED:1:EMAIL")
                .map(n -> n.state() == NotificationState.WAITING).orElse(false));

        fixtures.publishProfile(fixtures.profile(pid, pid + "@example.edu", null, "en", false, 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(pid + "@example.edu").size() == 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> store.byKey(regId + ":CONFIRMED:1:EMAIL").orElseThrow()
                .state() == NotificationState.SENT);
    }

    @Test
    void holdsTheConfirmationUntilTheSessionIsKnown() throws Exception {
        String sessionId = Fixtures.id("ses");
        String regId = Fixtures.id("reg");
        Fixtures.Person bob = fixtures.person("en", false);
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(regId, sessionId, bob.id(), "CONFIRMED", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(regId + ":CONFIRMED:1:EMAIL")
                .map(n -> n.state() == NotificationState.WAITING).orElse(false));

        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(bob.email()).size() == 1);
        assertThat(TestMail.to(bob.email()).get(0).getSubject()).contains("International Education Fair");
    }

    @Test
    void aRedeliveredRegistrationEventSendsOneEmail() {
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person carol = fixtures.person("en", false);
        Fixtures.Person marker = fixtures.person("en", false);
        var created = fixtures.registration(Fixtures.id("reg"), sessionId, carol.id(), "CONFIRMED", 1);
        fixtures.publishRegistration("RegistrationCreated", created);
        fixtures.publishRegistration("RegistrationCreated", created);
        // same key (sessionId) = same partition: once the marker is through, both copies were consumed
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, marker.id(), "CONFIRMED", 1));

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(marker.email()).size() == 1
                && TestMail.to(carol.email()).size() >= 1);
        assertThat(TestMail.to(carol.email())).hasSize(1);
    }

    @Test
    void aChangedProfileAndAMovedVenueReachTheVeryNextMessage() throws Exception {
        // contact and session are served from in-memory copies: the events that change them must replace those
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person dora = fixtures.person("en", false);
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, dora.id(), "CONFIRMED", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(dora.email()).size() == 1);
        assertThat(MailParts.text(TestMail.to(dora.email()).get(0))).contains("Main Hall");

        String newEmail = "new-" + dora.email();
        fixtures.publishProfile(fixtures.profile(dora.id(), newEmail, null, "en", false, 2));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> contacts.find(dora.id()).map(c -> newEmail.equals(c.email())).orElse(false));
        var moved = fixtures.session(sessionId, Duration.ofDays(3), 2);
        moved.putObject("venue").put("campus", "Benbu").put("building", "Science").put("room", "B2");
        moved.putArray("changes").add("VENUE");
        fixtures.publishSession("SessionChanged", moved);
        await().atMost(Duration.ofSeconds(20)).until(() -> !TestMail.to(newEmail).isEmpty());
        // the SESSION_CHANGED message went to the new address; a second registration follows the same copies
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, dora.id(), "CONFIRMED", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(newEmail).size() == 2);
        assertThat(TestMail.to(dora.email())).hasSize(1);
        for (MimeMessage mail : TestMail.to(newEmail)) {
            assertThat(MailParts.text(mail)).contains("B2").doesNotContain("Main Hall");
        }
    }

    @Test
    void commitsTheOffsetsOfRegistrationEventsOnceTheirWorkIsDone() throws Exception {
        // the work runs on lanes and is acknowledged out of order: the committed offset must still catch up
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person erin = fixtures.person("en", false);
        for (int i = 0; i < 20; i++) {
            fixtures.publishRegistration("RegistrationCreated",
                    fixtures.registration(Fixtures.id("reg"), sessionId, erin.id(), "CONFIRMED", 1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(erin.email()).size() == 20);
        Offsets.awaitCommittedToTheEnd("notification-service", "registration.events.v1");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>(node.propertyNames());
        names.sort(String::compareTo);
        return names;
    }

    static JsonNode awaitEvent(String dedupeKey) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            seen.addAll(TestEvents.poll(notificationEvents));
            for (Iterator<ConsumerRecord<String, String>> it = seen.iterator(); it.hasNext();) {
                ConsumerRecord<String, String> r = it.next();
                JsonNode n = TestEvents.JSON.readTree(r.value());
                if (dedupeKey.equals(n.get("dedupeKey").asString())) {
                    assertThat(r.key()).isEqualTo(n.get("participantId").asString());
                    found[0] = n;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }
}
