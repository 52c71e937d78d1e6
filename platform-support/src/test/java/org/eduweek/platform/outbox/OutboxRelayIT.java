package org.eduweek.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.bson.Document;
import org.eduweek.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class OutboxRelayIT {

    static MongoClient client;
    static MongoTemplate mongo;
    static KafkaTemplate<String, String> kafka;
    /** The commands the relay sends over its own client, to prove what the fast path does and does not do. */
    static final List<Command> commands = new CopyOnWriteArrayList<>();

    /** A copy: the event's document is only valid while the listener runs. */
    record Command(String name, Document body) {
    }
    static MongoClient countedClient;
    static MongoTemplate counted;

    @BeforeAll
    static void start() {
        client = MongoClients.create(TestInfrastructure.mongoUri("outbox-it"));
        mongo = new MongoTemplate(client, "outbox-it");
        countedClient = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(TestInfrastructure.mongoUri("outbox-it")))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(new Command(event.getCommandName(),
                                Document.parse(event.getCommand().toJson())));
                    }
                }).build());
        counted = new MongoTemplate(countedClient, "outbox-it");
        kafka = new OutboxConfiguration().outboxKafkaTemplate(TestInfrastructure.kafkaBootstrapServers());
    }

    @AfterAll
    static void stop() {
        kafka.destroy();
        client.close();
        countedClient.close();
    }

    @Test
    void messagesHandedOverWithTheSignalArePublishedWithoutReadingAndOnlyThoseAreRemoved() {
        String topic = "fast-" + UUID.randomUUID();
        OutboxRelay relay = new OutboxRelay(counted, kafka,
                new OutboxProperties(List.of("fast"), Duration.ofHours(1), 100), new SimpleMeterRegistry());
        OutboxMessage first = OutboxMessage.of(null, topic, "k", "Created", 1, "{\"n\":1}");
        OutboxMessage second = OutboxMessage.of(null, topic, "k", "Changed", 1, "{\"n\":2}");
        Document written = new Document("_id", "f-1").append("state", "NEW")
                .append("outbox", List.of(document(first), document(second)));
        // a message another writer added meanwhile: not handed over here, so it must stay for its own signal
        Document other = message(topic, "k", "Other", "{\"n\":3}");
        mongo.getCollection("fast").insertOne(written.append("outbox", List.of(document(first), document(second),
                other)));
        commands.clear();

        relay.signal("fast", "f-1", List.of(first, second));
        relay.drainSignals();

        List<ConsumerRecord<String, String>> records = consume(topic, 2);
        assertThat(records).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(header(records.get(1), "eventType")).isEqualTo("Changed");
        assertThat(header(records.get(0), "eventId")).isEqualTo(first.eventId());
        assertThat(commands).extracting(Command::name).containsExactly("update");
        Document after = mongo.getCollection("fast").find(new Document("_id", "f-1")).first();
        assertThat(after.getList("outbox", Document.class)).extracting(d -> d.getString("eventId"))
                .containsExactly(other.getString("eventId"));
        assertThat(after.getString("state")).isEqualTo("NEW");
    }

    @Test
    void aSendThatFailsAtOnceHoldsBackTheDocumentsLaterMessagesSoTheirOrderHolds() {
        String topic = "ordered-" + UUID.randomUUID();
        AtomicInteger sends = new AtomicInteger();
        KafkaTemplate<String, String> firstFails = new KafkaTemplate<>(kafka.getProducerFactory()) {
            @Override
            public CompletableFuture<SendResult<String, String>> send(ProducerRecord<String, String> record) {
                return sends.getAndIncrement() == 0
                        ? CompletableFuture.failedFuture(new TimeoutException("no metadata in time"))
                        : super.send(record);
            }
        };
        OutboxRelay relay = new OutboxRelay(mongo, firstFails,
                new OutboxProperties(List.of("ordered"), Duration.ofHours(1), 100), new SimpleMeterRegistry());
        OutboxMessage first = OutboxMessage.of(null, topic, "k", "Created", 1, "{\"n\":1}");
        OutboxMessage second = OutboxMessage.of(null, topic, "k", "Changed", 1, "{\"n\":2}");
        mongo.getCollection("ordered").insertOne(new Document("_id", "o-1")
                .append("outbox", List.of(document(first), document(second))));

        relay.signal("ordered", "o-1", List.of(first, second));
        relay.drainSignals();
        assertThat(sends.get()).as("nothing sent after the message that failed").isEqualTo(1);
        assertThat(mongo.getCollection("ordered").find(new Document("_id", "o-1")).first()
                .getList("outbox", Document.class)).as("both wait for the retry").hasSize(2);

        relay.signal("ordered", "o-1", List.of(first, second));
        relay.drainSignals();
        assertThat(consume(topic, 2)).extracting(ConsumerRecord::value).containsExactly("{\"n\":1}", "{\"n\":2}");
        assertThat(mongo.getCollection("ordered").find(new Document("_id", "o-1")).first()
                .getList("outbox", Document.class)).isEmpty();
    }

    @Test
    void theRemovalsOfOneRoundAreOneBulkWriteOfPerDocumentUpdates() {
        String topic = "bulk-" + UUID.randomUUID();
        OutboxRelay relay = new OutboxRelay(counted, kafka,
                new OutboxProperties(List.of("bulk"), Duration.ofHours(1), 100), new SimpleMeterRegistry());
        List<String> ids = List.of("b-1", "b-2", "b-3");
        List<List<OutboxMessage>> written = new ArrayList<>();
        for (String id : ids) {
            OutboxMessage m = OutboxMessage.of(null, topic, id, "Created", 1, "{\"id\":\"" + id + "\"}");
            written.add(List.of(m));
            mongo.getCollection("bulk").insertOne(new Document("_id", id).append("outbox", List.of(document(m))));
        }
        commands.clear();
        for (int i = 0; i < ids.size(); i++) {
            relay.signal("bulk", ids.get(i), written.get(i));
        }
        relay.drainSignals();

        assertThat(consume(topic, 3)).extracting(ConsumerRecord::key).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(commands).hasSize(1);
        Document update = commands.get(0).body();
        assertThat(update.getString("update")).isEqualTo("bulk");
        List<Document> statements = update.getList("updates", Document.class);
        assertThat(statements).hasSize(3);
        assertThat(statements).allSatisfy(st -> assertThat(st.get("q", Document.class).get("_id")).isInstanceOf(
                String.class));
        for (String id : ids) {
            assertThat(mongo.getCollection("bulk").find(new Document("_id", id)).first()
                    .getList("outbox", Document.class)).isEmpty();
        }
    }

    @Test
    void scheduledSweepLeavesSignalledDocumentsAndFreshMessagesToTheFastPath() {
        String topic = "inflight-" + UUID.randomUUID();
        OutboxRelay relay = new OutboxRelay(counted, kafka,
                new OutboxProperties(List.of("inflight"), Duration.ofSeconds(5), 100), new SimpleMeterRegistry());
        Instant old = Instant.now().minus(Duration.ofMinutes(1));
        OutboxMessage signalled = new OutboxMessage(UUID.randomUUID().toString(), topic, "i", "Created", 1, "{}",
                null, old);
        mongo.getCollection("inflight").insertOne(new Document("_id", "i-1")
                .append("outbox", List.of(document(signalled))));
        mongo.getCollection("inflight").insertOne(new Document("_id", "i-2")
                .append("outbox", List.of(document(new OutboxMessage(UUID.randomUUID().toString(), topic, "j",
                        "Created", 1, "{}", null, old)))));
        mongo.getCollection("inflight").insertOne(new Document("_id", "i-3")
                .append("outbox", List.of(document(OutboxMessage.of(null, topic, "k", "Created", 1, "{}")))));

        relay.signal("inflight", "i-1", List.of(signalled));
        assertThat(relay.sweep(true)).as("only the old, unsignalled message").isEqualTo(1);
        relay.drainSignals();
        assertThat(relay.sweep(true)).as("i-3 is younger than a sweep interval").isZero();
        assertThat(relay.sweep()).isEqualTo(1);

        assertThat(consume(topic, 3)).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("i", "j", "k");
        assertThat(relay.sweep()).isZero();
    }

    @Test
    void handedOverMessagesStayInTheDocumentWhenKafkaCannotBeReached() {
        KafkaTemplate<String, String> dead = deadKafka();
        OutboxRelay relay = new OutboxRelay(mongo, dead,
                new OutboxProperties(List.of("stuck-fast"), Duration.ofHours(1), 10), new SimpleMeterRegistry());
        OutboxMessage m = OutboxMessage.of(null, "nowhere", "s", "Created", 1, "{}");
        mongo.getCollection("stuck-fast").insertOne(new Document("_id", "s").append("outbox",
                List.of(document(m))));

        relay.signal("stuck-fast", "s", List.of(m));
        relay.drainSignals();

        assertThat(mongo.getCollection("stuck-fast").find(new Document("_id", "s")).first()
                .getList("outbox", Document.class)).hasSize(1);
        assertThat(relay.sweep()).as("the sweep retries it; Kafka is still down").isZero();
        dead.destroy();
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
        KafkaTemplate<String, String> dead = deadKafka();
        OutboxRelay relay = new OutboxRelay(mongo, dead,
                new OutboxProperties(List.of("stuck"), Duration.ofHours(1), 10), new SimpleMeterRegistry());
        mongo.getCollection("stuck").insertOne(new Document("_id", "s")
                .append("outbox", List.of(message("nowhere", "s", "Created", "{}"))));

        assertThat(relay.sweep()).isZero();

        assertThat(mongo.getCollection("stuck").find(new Document("_id", "s")).first()
                .getList("outbox", Document.class)).hasSize(1);
        dead.destroy();
    }

    private static KafkaTemplate<String, String> deadKafka() {
        return new KafkaTemplate<>(new org.springframework.kafka.core
                .DefaultKafkaProducerFactory<>(Map.of("bootstrap.servers", "127.0.0.1:1", "max.block.ms", 500,
                        "key.serializer", org.apache.kafka.common.serialization.StringSerializer.class,
                        "value.serializer", org.apache.kafka.common.serialization.StringSerializer.class)));
    }

    /** An outbox message as a writer stores it. */
    private static Document document(OutboxMessage m) {
        return new Document("eventId", m.eventId()).append("destination", m.destination()).append("key", m.key())
                .append("eventType", m.eventType()).append("eventVersion", m.eventVersion())
                .append("payload", m.payload()).append("createdAt", java.util.Date.from(m.createdAt()));
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
