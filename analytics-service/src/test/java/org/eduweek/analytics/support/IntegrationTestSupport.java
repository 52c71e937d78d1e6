package org.eduweek.analytics.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eduweek.platform.testing.MutableClock;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context for every IT (same configuration, so it is cached): real Kafka and MongoDB from
 * TestInfrastructure, test tokens, and a clock the tests move. Tests isolate themselves with fresh session ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "server.address=127.0.0.1", "eduweek.analytics.flush-interval=50ms",
                "eduweek.analytics.pseudonym-secret=integration-tests-pseudonym-secret-8a1d4e6f" })
@Import(TestBeans.class)
public abstract class IntegrationTestSupport {

    public static final Instant START = Instant.parse("2020-10-20T00:00:00Z");
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KafkaProducer<String, String> producer;

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "eduweek-analytics-it");
    }

    private static volatile boolean consumersReady;

    /**
     * Once per JVM: waits until the service's consumer group owns all three input topics. On a busy 2-core box the
     * first group join can take tens of seconds; no test should spend its own timeout on it.
     */
    @BeforeEach
    protected void awaitConsumersAssigned() {
        if (consumersReady) {
            return;
        }
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            Awaitility.await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).until(() -> {
                var group = admin.describeConsumerGroups(List.of("analytics-service")).all().get()
                        .get("analytics-service");
                Set<String> topics = new HashSet<>();
                group.members().forEach(m -> m.assignment().topicPartitions().forEach(tp -> topics.add(tp.topic())));
                return topics.containsAll(List.of("registration.events.v1", "schedule.events.v1",
                        "notification.events.v1"));
            });
        }
        consumersReady = true;
    }

    protected static String organizer() {
        return TestTokens.organizer("demo-organizer");
    }

    protected static String admin() {
        return TestTokens.token("demo-admin", List.of("ADMIN"), Map.of());
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A golden sample with its ids swapped (old, new, old, new...) so tests do not see each other's data. */
    protected static String rewrite(String sample, String... replacements) {
        String result = sample;
        for (int i = 0; i < replacements.length; i += 2) {
            result = result.replace("\"" + replacements[i] + "\"", "\"" + replacements[i + 1] + "\"");
        }
        return result;
    }

    protected static synchronized void publish(String topic, String key, String type, String json) {
        if (producer == null) {
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(p);
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json);
        record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventVersion", "1".getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventId", eventId(json).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String eventId(String json) {
        try {
            return JSON.readTree(json).path("eventId").asString(UUID.randomUUID().toString());
        } catch (RuntimeException unreadable) {
            return UUID.randomUUID().toString();
        }
    }

    protected HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    protected HttpResponse<String> post(String path, String token) {
        return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.noBody()), token);
    }

    protected JsonNode getJson(String path, String token) {
        HttpResponse<String> response = get(path, token);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String token) {
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The latest record per key of a topic, read from the beginning with a fresh consumer. */
    protected static Map<String, ConsumerRecord<String, String>> latestByKey(String topic) {
        Map<String, ConsumerRecord<String, String>> latest = new HashMap<>();
        allRecords(topic).forEach(r -> latest.put(r.key(), r));
        return latest;
    }

    /** Every record of a topic still in the log, in offset order per partition, read with a fresh consumer. */
    protected static List<ConsumerRecord<String, String>> allRecords(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> all = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(i -> new org.apache.kafka.common.TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                consumer.poll(Duration.ofMillis(200)).forEach(all::add);
            }
        }
        return all;
    }
}
