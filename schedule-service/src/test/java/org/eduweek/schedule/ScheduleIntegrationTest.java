package org.eduweek.schedule;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eduweek.platform.security.EduweekSecurityProperties;
import org.eduweek.platform.security.JwtSecurityConfiguration;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One Spring context for every *IT (same configuration, so it is cached): the service on a random port against the
 * shared test Kafka and MongoDB, with test-signed tokens and the 2020 seed loaded.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1", "eduweek.seed.enabled=true", "eduweek.outbox.sweep-interval=200ms" })
@Import(ScheduleIntegrationTest.Tokens.class)
public abstract class ScheduleIntegrationTest {

    protected static final String TOPIC = "schedule.events.v1";
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void infra(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "eduweek-schedule-it");
    }

    @TestConfiguration
    static class Tokens {
        @Bean
        JwtDecoder jwtDecoder(EduweekSecurityProperties props) {
            NimbusJwtDecoder decoder = TestTokens.decoder();
            decoder.setJwtValidator(JwtSecurityConfiguration.validator(props));
            return decoder;
        }
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected MongoTemplate mongo;

    private final List<KafkaConsumer<String, String>> consumers = new ArrayList<>();
    private final Map<KafkaConsumer<String, String>, List<ConsumerRecord<String, String>>> received =
            new java.util.HashMap<>();

    protected static final String ORGANIZER = TestTokens.organizer("olivia");
    protected static final String PARTICIPANT = TestTokens.participant("paul");

    public record Answer(int status, JsonNode body, Map<String, List<String>> headers, String text) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    protected Answer call(String method, String path, String token, String body, String... headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                b.header("Content-Type", "application/json");
            }
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            for (int i = 0; i + 1 < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = null;
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json") && !r.body().isEmpty()) {
                json = JSON.readTree(r.body());
            }
            return new Answer(r.statusCode(), json, r.headers().map(), r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected Answer get(String path, String... headers) {
        return call("GET", path, null, null, headers);
    }

    protected Answer post(String path, String token, String body) {
        return call("POST", path, token, body);
    }

    /** A plain Kafka consumer (no Spring) reading the sessions' topic from the start under a fresh group. */
    protected KafkaConsumer<String, String> consumer() {
        return consumer(TOPIC);
    }

    /** A plain Kafka consumer (no Spring) reading {@code topic} from the start under a fresh group. */
    protected KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "it-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        consumers.add(c);
        return c;
    }

    /** Every record on the topic for {@code key}, polling until {@code expected} have arrived (or 20 s). */
    protected List<ConsumerRecord<String, String>> recordsFor(KafkaConsumer<String, String> c, String key,
            int expected) {
        List<ConsumerRecord<String, String>> all = received.computeIfAbsent(c, k -> new ArrayList<>());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (all.stream().filter(r -> key.equals(r.key())).count() < expected && System.nanoTime() < deadline) {
            c.poll(Duration.ofMillis(200)).forEach(all::add);
        }
        return all.stream().filter(r -> key.equals(r.key())).toList();
    }

    protected static String header(ConsumerRecord<String, String> r, String name) {
        var h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    @AfterEach
    void closeConsumers() {
        consumers.forEach(KafkaConsumer::close);
        consumers.clear();
        received.clear();
    }

    protected static String sessionJson(String title, String start, String end, String extra) {
        return """
                {"title":%s,"start":"%s","end":"%s","timeZone":"Asia/Shanghai",%s}
                """.formatted(title, start, end, extra);
    }
}
