package org.eduweek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.Offsets;
import org.eduweek.notification.support.TestEvents;
import org.eduweek.notification.support.TestMail;

class PoisonEventIT extends NotificationITBase {

    @Test
    void anUnreadableEventGoesToTheDeadLetterTopicWhileLaterEventsOnThatPartitionStillFlow() throws Exception {
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        Fixtures.Person p = fixtures.person("en", false);
        String poison = "{\"registrationId\": \"" + Fixtures.id("poison") + "\", broken";
        TestEvents.publish("registration.events.v1", sessionId, "RegistrationCreated", poison);
        TestEvents.publish("registration.events.v1", sessionId, "RegistrationCreated",
                "{\"eventId\":\"e-1\",\"registrationId\":null,\"sessionId\":\"" + sessionId + "\"}");
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), sessionId, p.id(), "CONFIRMED", 1));

        await().atMost(Duration.ofSeconds(30)).until(() -> TestMail.to(p.email()).size() == 1);

        try (KafkaConsumer<String, String> dlq = TestEvents.reader("notification-service.dlq")) {
            List<ConsumerRecord<String, String>> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                seen.addAll(TestEvents.poll(dlq));
                return seen.stream().anyMatch(r -> poison.equals(r.value()))
                        && seen.stream().anyMatch(r -> r.value().contains("\"registrationId\":null")
                                && r.value().contains(sessionId));
            });
            ConsumerRecord<String, String> dead = seen.stream().filter(r -> poison.equals(r.value())).findFirst()
                    .orElseThrow();
            assertThat(dead.key()).isEqualTo(sessionId);
            assertThat(dead.headers().lastHeader("x-exception-message")).isNotNull();
            assertThat(new String(dead.headers().lastHeader("x-original-topic").value()))
                    .isEqualTo("registration.events.v1");
        }
        // dead-lettered records are acknowledged too: the committed offset moves past them
        Offsets.awaitCommittedToTheEnd("notification-service", "registration.events.v1");
    }
}
