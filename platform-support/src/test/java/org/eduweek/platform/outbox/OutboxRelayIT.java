package org.eduweek.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.eduweek.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

class OutboxRelayIT {

    static MongoClient client;
    static MongoTemplate mongo;
    static KafkaTemplate<String, String> kafka;

    @BeforeAll
    static void start() {
        client = MongoClients.create(TestInfrastructure.mongoUri("outbox-it"));
        mongo = new MongoTemplate(client, "outbox-it");
        kafka = new OutboxConfiguration().outboxKafkaTemplate(TestInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.destroy();
        client.close();
    }

    @Test
    void signalledDocumentIsPublishedInOrderWithHeadersAndThenEmptied() {
        String topic = "relay-" + UUID.randomUUID();
        OutboxRelay relay = relay("things");
        Document doc = new Document("_id", "thing-1").append("outbox", List.of(
                message(topic, "k1", "First", "{\"n\":1}"), message(topic, "k1", "Second", "{\"n\":2}")));
        mongo.getCollection("things").insertOne(doc);

        relay.signal("things", "thing-1");
        relay.drainSignals();

        List<ConsumerRecord<String, String>> records = consume(topic, 2);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(header(records.get(0), "eventType")).isEqualTo("First");
        assertThat(header(records.get(0), "eventVersion")).isEqualTo("1");
        assertThat(records.get(0).key()).isEqualTo("k1");
        assertThat(mongo.getCollection("things").find(new Document("_id", "thing-1")).first()
                .getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void sweepPublishesWhatACrashLeftBehindWithoutTouchingOtherFields() {
        String topic = "sweep-" + UUID.randomUUID();
        OutboxRelay relay = relay("crashed");
        mongo.getCollection("crashed").insertOne(new Document("_id", "a").append("state", "CONFIRMED")
                .append("outbox", List.of(message(topic, "a", "Created", "{\"id\":\"a\"}"))));
        mongo.getCollection("crashed").insertOne(new Document("_id", "b").append("outbox", List.of()));

        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(consume(topic, 1)).extracting(ConsumerRecord::key).containsExactly("a");
        Document after = mongo.getCollection("crashed").find(new Document("_id", "a")).first();
        assertThat(after.getString("state")).isEqualTo("CONFIRMED");
        assertThat(relay.sweep()).isZero();
    }

    @Test
    void messagesStayInTheDocumentWhenKafkaCannotBeReached() {
        KafkaTemplate<String, String> dead = new KafkaTemplate<>(new org.springframework.kafka.core
                .DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", "127.0.0.1:1", "max.block.ms", 500,
                        "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                        "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class)));
        OutboxRelay relay = new OutboxRelay(mongo, dead,
                new OutboxProperties(List.of("stuck"), Duration.ofHours(1), 10), new SimpleMeterRegistry());
        mongo.getCollection("stuck").insertOne(new Document("_id", "s")
                .append("outbox", List.of(message("nowhere", "s", "Created", "{}"))));

        assertThat(relay.sweep()).isZero();

        assertThat(mongo.getCollection("stuck").find(new Document("_id", "s")).first()
                .getList("outbox", Document.class)).hasSize(1);
        dead.destroy();
    }

    private static OutboxRelay relay(String collection) {
        return new OutboxRelay(mongo, kafka, new OutboxProperties(List.of(collection), Duration.ofHours(1), 100),
                new SimpleMeterRegistry());
    }

    private static Document message(String topic, String key, String type, String payload) {
        return new Document("eventId", UUID.randomUUID().toString()).append("destination", topic).append("key", key)
                .append("eventType", type).append("eventVersion", 1).append("payload", payload);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, String>> consume(String topic, int expected) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG, "t-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.currentTimeMillis() + 20_000;
            while (records.size() < expected && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
