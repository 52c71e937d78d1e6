package org.eduweek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.Offsets;
import org.eduweek.notification.support.TestEvents;
import org.eduweek.notification.support.TestMail;
import org.eduweek.platform.testing.ConsumerProgress;

/**
 * Every consumer of this service is fed every event type of its topics — the ones it acts on, the ones it passes
 * over, a type that does not exist yet, a record without a type and one that is not JSON — and must still act on
 * what comes after them, commit past all of them and dead-letter exactly the unreadable ones.
 */
class EveryEventTypeIT extends NotificationITBase {

    private static final List<String> TOPICS = List.of("schedule.events.v1", "registration.events.v1",
            "participant.events.v1");

    @Test
    void messagesKeepFlowingAfterACheckInAnUnknownTypeAndUnreadableRecordsOnEveryTopic() throws Exception {
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person checkedIn = fixtures.person("en", false);
        ObjectNode first = fixtures.registration(Fixtures.id("reg"), sessionId, checkedIn.id(), "CONFIRMED", 1);
        fixtures.publishRegistration("RegistrationCreated", first);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(checkedIn.email()).size() == 1);

        // the door checks the first participant in: a type this service passes over
        ObjectNode checkIn = TestEvents.sample("registration-service", "ParticipantCheckedIn");
        checkIn.put("registrationId", first.get("registrationId").asString());
        checkIn.put("sessionId", sessionId);
        checkIn.put("participantId", checkedIn.id());
        TestEvents.publish("registration.events.v1", sessionId, "ParticipantCheckedIn", checkIn);
        List<String> unreadable = new ArrayList<>();
        for (String topic : TOPICS) {
            TestEvents.publish(topic, sessionId, "SomethingThatDoesNotExistYet",
                    "{\"eventId\":\"" + Fixtures.id("future") + "\",\"sessionId\":\"" + sessionId + "\"}");
            String headerless = "{\"headerless\":\"" + Fixtures.id("h") + "\"}";
            TestEvents.publishWithoutHeaders(topic, sessionId, headerless);
            String broken = "not json " + Fixtures.id("b");
            TestEvents.publish(topic, sessionId, knownType(topic), broken);
            unreadable.add(headerless);
            unreadable.add(broken);
        }
        ObjectNode changed = fixtures.session(sessionId, Duration.ofDays(3), 2);
        fixtures.publishSession("SessionChanged", changed);

        // after all of that, someone else registers and is told
        Fixtures.Person next = fixtures.person("zh", false);
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, next.id(), "CONFIRMED", 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(next.email()).size() == 1);

        for (String topic : TOPICS) {
            Offsets.awaitCommittedToTheEnd("notification-service", topic);
        }
        assertThat(ConsumerProgress.awaitDeadLetters("notification-service.dlq", unreadable)).containsExactlyInAnyOrderElementsOf(unreadable);
    }

    private static String knownType(String topic) {
        return switch (topic) {
            case "schedule.events.v1" -> "SessionChanged";
            case "registration.events.v1" -> "RegistrationCreated";
            default -> "ParticipantProfileChanged";
        };
    }
}
