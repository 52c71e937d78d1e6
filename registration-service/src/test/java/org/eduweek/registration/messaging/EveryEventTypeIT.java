package org.eduweek.registration.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.eduweek.platform.testing.ConsumerProgress;
import org.eduweek.registration.store.SessionReplica;
import org.eduweek.registration.support.IntegrationTest;

/**
 * The schedule consumer is fed every event type of its topic, a type that does not exist yet, a record without a
 * type and one that is not JSON: it must still act on what comes after them, commit past all of them and
 * dead-letter exactly the unreadable ones.
 */
class EveryEventTypeIT extends IntegrationTest {

    private static final Path SAMPLES = Path.of("../schedule-service/src/test/resources/events");
    private static final String TOPIC = "schedule.events.v1";

    @Autowired
    SessionReplica replica;

    @Test
    void actsOnWhatComesAfterUnknownAndUnreadableRecordsAndCommitsPastThemAll() throws Exception {
        String cancelled = unique("ses-every");
        String later = unique("ses-later");
        publish(cancelled, cancelled, "SessionScheduled");
        publish(cancelled, cancelled, "SessionChanged");
        publish(cancelled, cancelled, "SessionCancelled");
        ConsumerProgress.publish(TOPIC, cancelled, "SessionMovedToTheMoon", "{\"sessionId\":\"" + cancelled + "\"}");
        String headerless = "{\"sessionId\":\"" + unique("headerless") + "\"}";
        ConsumerProgress.publish(TOPIC, cancelled, null, headerless);
        String broken = "not json " + unique("broken");
        ConsumerProgress.publish(TOPIC, cancelled, "SessionChanged", broken);
        // on the same partition as the records before it (same key), so it can only be applied after them
        publish(cancelled, later, "SessionScheduled");

        await().atMost(Duration.ofSeconds(30)).until(() -> replica.find(later).isPresent());
        assertThat(replica.find(cancelled)).hasValueSatisfying(s -> assertThat(s.status()).isEqualTo("CANCELLED"));
        ConsumerProgress.awaitCommittedToTheEnd("registration-service", TOPIC);
        assertThat(ConsumerProgress.awaitDeadLetters("registration-service.dlq", List.of(headerless, broken)))
                .containsExactlyInAnyOrder(headerless, broken);
    }

    private static void publish(String key, String sessionId, String type) throws Exception {
        String json = Files.readString(SAMPLES.resolve(type + ".v1.json")).replace("ses-fair-2020", sessionId)
                .replace("2020-10-21", "2099-10-21");
        ConsumerProgress.publish(TOPIC, key, type, json);
    }
}
