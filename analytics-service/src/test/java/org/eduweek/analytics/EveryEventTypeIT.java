package org.eduweek.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eduweek.analytics.support.IntegrationTestSupport;
import org.eduweek.analytics.support.Samples;
import org.eduweek.platform.testing.ConsumerProgress;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Each consumer of this service is fed every event type of its topics, a type that does not exist yet, a record
 * without a type and one that is not JSON: the figures still count what comes after them, the group commits past
 * all of them, and exactly the unreadable ones are dead-lettered.
 */
class EveryEventTypeIT extends IntegrationTestSupport {

    private static final List<String> TOPICS = List.of("schedule.events.v1", "registration.events.v1",
            "notification.events.v1");

    @Test
    void countsWhatComesAfterUnknownAndUnreadableRecordsAndCommitsPastThemAll() throws Exception {
        String session = unique("ses");
        String cancelledSession = unique("ses");
        String alice = unique("reg");
        String bob = unique("reg");
        publish("schedule.events.v1", session, "SessionScheduled", schedule("SessionScheduled", session));
        publish("schedule.events.v1", session, "SessionChanged", schedule("SessionChanged", session));
        publish("schedule.events.v1", cancelledSession, "SessionCancelled",
                schedule("SessionCancelled", cancelledSession));
        publish("registration.events.v1", session, "RegistrationCreated",
                registration("RegistrationCreated", session, "reg-7f3a9c", alice));
        publish("registration.events.v1", session, "RegistrationCreated",
                rewrite(registration("RegistrationCreated", session, "reg-7f3a9c", bob), "CONFIRMED", "WAITLISTED"));
        publish("registration.events.v1", session, "WaitlistPromoted",
                registration("WaitlistPromoted", session, "reg-81b2d4", bob));
        publish("registration.events.v1", session, "ParticipantCheckedIn",
                registration("ParticipantCheckedIn", session, "reg-81b2d4", bob));
        publish("registration.events.v1", session, "RegistrationCancelled",
                registration("RegistrationCancelled", session, "reg-7f3a9c", alice));
        publish("notification.events.v1", "alice", "NotificationSent", notification("NotificationSent", session));
        publish("notification.events.v1", "alice", "NotificationFailed", notification("NotificationFailed", session));

        List<String> unreadable = new ArrayList<>();
        for (String topic : TOPICS) {
            publish(topic, session, "SomethingThatDoesNotExistYet", "{\"sessionId\":\"" + session + "\"}");
            String headerless = "{\"headerless\":\"" + unique("h") + "\"}";
            ConsumerProgress.publish(topic, session, null, headerless);
            String broken = "not json " + unique("b");
            publish(topic, session, knownType(topic), broken);
            unreadable.add(headerless);
            unreadable.add(broken);
        }
        String carol = unique("reg");
        publish("registration.events.v1", session, "RegistrationCreated",
                rewrite(registration("RegistrationCreated", session, "reg-7f3a9c", carol), "alice", "carol"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode figures = getJson("/api/analytics/sessions/" + session, organizer());
            assertThat(figures.path("confirmed").asLong()).as(figures.toString()).isEqualTo(2);
            assertThat(figures.path("waitlisted").asLong()).isZero();
            assertThat(figures.path("cancelled").asLong()).isEqualTo(1);
            assertThat(figures.path("checkedIn").asLong()).isEqualTo(1);
        });
        for (String topic : TOPICS) {
            ConsumerProgress.awaitCommittedToTheEnd("analytics-service", topic);
        }
        assertThat(ConsumerProgress.awaitDeadLetters("analytics-service.dlq", unreadable))
                .containsExactlyInAnyOrderElementsOf(unreadable);
    }

    private static String schedule(String type, String session) {
        return rewrite(Samples.schedule(type), "ses-fair-2020", session);
    }

    private static String registration(String type, String session, String sampleId, String id) {
        return rewrite(Samples.registration(type), "ses-fair-2020", session, sampleId, id, eventIdOf(type),
                UUID.randomUUID().toString());
    }

    private static String notification(String type, String session) {
        return rewrite(Samples.notification(type), "ses-fair-2020", session, "ntf-5c1e", unique("ntf"), "ntf-9d2a",
                unique("ntf"));
    }

    private static String eventIdOf(String type) {
        return JSON.readTree(Samples.registration(type)).path("eventId").asString();
    }

    private static String knownType(String topic) {
        return switch (topic) {
            case "schedule.events.v1" -> "SessionChanged";
            case "registration.events.v1" -> "RegistrationCreated";
            default -> "NotificationSent";
        };
    }
}
