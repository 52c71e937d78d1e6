package org.eduweek.notification.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.eduweek.platform.testing.ConsumerProgress;
import org.eduweek.platform.testing.TestInfrastructure;

/** Publishes events the way the producers do (payload + eventType/eventVersion/eventId headers) and reads topics. */
public final class TestEvents {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private TestEvents() {
    }

    /** A producer's golden sample, by its path in the repository, ready to be edited. */
    public static ObjectNode sample(String module, String type) {
        try {
            Path p = Path.of("..", module, "src/test/resources/events", type + ".v1.json");
            return (ObjectNode) JSON.readTree(Files.readString(p));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void publish(String topic, String key, String type, String payload) {
        ConsumerProgress.publish(topic, key, type, payload);
    }

    /** A record with no headers at all, as a foreign or broken producer might write it. */
    public static void publishWithoutHeaders(String topic, String key, String payload) {
        ConsumerProgress.publish(topic, key, null, payload);
    }

    public static void publish(String topic, String key, String type, ObjectNode payload) {
        if (!payload.has("eventId") || payload.get("eventId").isNull()) {
            payload.put("eventId", UUID.randomUUID().toString());
        }
        publish(topic, key, type, JSON.writeValueAsString(payload));
    }

    /** A consumer reading a topic from its beginning. */
    public static KafkaConsumer<String, String> reader(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        return c;
    }

    public static List<ConsumerRecord<String, String>> poll(KafkaConsumer<String, String> c) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        c.poll(Duration.ofMillis(200)).forEach(out::add);
        return out;
    }
}
