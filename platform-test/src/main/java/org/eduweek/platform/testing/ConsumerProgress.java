package org.eduweek.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What a consumer test needs to prove a consumer never stalls: records of any type (or none) put on a topic, the
 * group's committed offsets awaited up to the topic's end, and the records that reached a dead-letter topic.
 */
public final class ConsumerProgress {

    private static KafkaProducer<String, String> producer;

    private ConsumerProgress() {
    }

    /** Publishes a record with the contract's headers; a null type leaves every header out. */
    public static void publish(String topic, String key, String eventType, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        if (eventType != null) {
            record.headers().add("eventType", eventType.getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventVersion", "1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("eventId", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        }
        try {
            producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the group has committed every partition of the topic up to its end as it is now. */
    public static void awaitCommittedToTheEnd(String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p,
                    p -> OffsetSpec.latest()))).all().get();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                for (TopicPartition p : partitions) {
                    long end = ends.get(p).offset();
                    long done = committed.get(p) == null ? 0 : committed.get(p).offset();
                    assertThat(done).as("%s: committed offset of %s (end %d)", group, p, end)
                            .isGreaterThanOrEqualTo(end);
                }
            });
        }
    }

    /** The values among {@code expected} found on the dead-letter topic, read from its beginning. */
    public static List<String> awaitDeadLetters(String deadLetterTopic, Collection<String> expected) {
        List<String> found = new ArrayList<>();
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> dlq = new KafkaConsumer<>(p, new StringDeserializer(),
                new StringDeserializer())) {
            dlq.subscribe(List.of(deadLetterTopic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> r : dlq.poll(Duration.ofMillis(200))) {
                    if (expected.contains(r.value())) {
                        found.add(r.value());
                    }
                }
                return found.size() >= expected.size();
            });
        }
        return found;
    }

    private static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    TestInfrastructure.kafkaBootstrapServers(), ProducerConfig.LINGER_MS_CONFIG, 0),
                    new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
