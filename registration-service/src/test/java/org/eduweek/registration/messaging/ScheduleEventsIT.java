package org.eduweek.registration.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.registration.store.SessionReplica;
import org.eduweek.registration.support.IntegrationTest;

class ScheduleEventsIT extends IntegrationTest {

    private static final Path SAMPLES = Path.of("../schedule-service/src/test/resources/events");

    @Autowired
    SessionReplica replica;

    @Test
    void keepsTheNewestSessionFromTheScheduleTopicWhateverTheOrder() throws Exception {
        String id = unique("ses-kafka");
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, id, "SessionChanged", "SessionChanged.v1.json");
            send(producer, id, "SessionScheduled", "SessionScheduled.v1.json");
            send(producer, id, "SomethingElse", "SessionScheduled.v1.json");
            producer.flush();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var s = replica.find(id);
            assertThat(s).isPresent();
            assertThat(s.get().sequence()).isEqualTo(2);
        });
        // the older SessionScheduled (sequence 1) must not overwrite sequence 2, even if it arrived later
        assertThat(replica.find(id).get().capacityInPerson()).isEqualTo(350);
        assertThat(replica.find(id).get().mode()).isEqualTo("HYBRID");
        assertThat(replica.find(id).get().joinLink()).as("kept for confirmed registrations")
                .isEqualTo("https://meeting.example.edu/j/2020fair");
    }

    private static void send(KafkaProducer<String, String> producer, String id, String type, String file)
            throws Exception {
        String json = Files.readString(SAMPLES.resolve(file)).replace("ses-fair-2020", id)
                .replace("2020-10-21", "2099-10-21");
        ProducerRecord<String, String> record = new ProducerRecord<>("schedule.events.v1", id, json);
        record.headers().add("eventType", type.getBytes());
        record.headers().add("eventVersion", "1".getBytes());
        producer.send(record).get();
    }

    private static KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }
}
