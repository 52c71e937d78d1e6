package org.eduweek.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eduweek.analytics.support.IntegrationTestSupport;
import org.eduweek.platform.testing.Pace;
import org.eduweek.platform.testing.Percentiles;
import org.eduweek.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Lag from a registration event to the SessionStats record that reflects it, at a sustained rate into a real broker.
 * Not part of the normal build; from the repository root:
 * {@code ./mvnw -o -pl analytics-service -am -Pbench verify} (options: -Dbench.events=100000 -Dbench.rate=2000
 * -Dbench.sessions=200). The k-th event of a session is reflected by the first record whose confirmed + waitlisted
 * reaches k (per-session order holds: the key is the sessionId). Results also go to target/bench-results.txt.
 */
@TestPropertySource(properties = "eduweek.analytics.flush-interval=100ms")
class LagBenchmark extends IntegrationTestSupport {

    private static final int EVENTS = Integer.getInteger("bench.events", 100_000);
    private static final int RATE = Integer.getInteger("bench.rate", 2_000);
    private static final int SESSIONS = Integer.getInteger("bench.sessions", 200);

    @Test
    void lagFromRegistrationEventToSessionStatsRecord() throws Exception {
        String tag = unique("bench");
        long[] sentAt = new long[EVENTS];
        long[] lag = new long[EVENTS];
        Arrays.fill(lag, -1);
        List<List<Integer>> bySession = new ArrayList<>();
        for (int s = 0; s < SESSIONS; s++) {
            bySession.add(new ArrayList<>());
        }
        for (int i = 0; i < EVENTS; i++) {
            bySession.get(i % SESSIONS).add(i);
        }
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger observed = new AtomicInteger();
        Thread watcher = new Thread(() -> watch(tag, bySession, sentAt, lag, observed, running), "bench-watcher");
        watcher.start();
        awaitConsumersAssigned();
        warmUp(tag);

        Pace pace = Pace.perSecond(RATE);
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer = producer()) {
            for (int i = 0; i < EVENTS; i++) {
                pace.awaitNext();
                String session = tag + "-s" + (i % SESSIONS);
                ProducerRecord<String, String> record = new ProducerRecord<>("registration.events.v1", session,
                        event(tag, i, session));
                record.headers().add("eventType", "RegistrationCreated".getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventVersion", "1".getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventId", (tag + "-e" + i).getBytes(StandardCharsets.UTF_8));
                sentAt[i] = System.nanoTime();
                producer.send(record);
            }
            producer.flush();
        }
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (observed.get() < EVENTS && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        running.set(false);
        watcher.join();

        Percentiles lags = Percentiles.of(Arrays.stream(lag).filter(l -> l >= 0).toArray());
        String report = String.format(Locale.ROOT,
                "events=%d sessions=%d target-rate=%d/s achieved-rate=%.0f/s reflected=%d%n"
                        + "lag ms: p50=%.1f p90=%.1f p99=%.1f p99.9=%.1f max=%.1f (target p99 < 1000) %s%n",
                EVENTS, SESSIONS, RATE, EVENTS / sendSeconds, lags.count(), ms(lags, 0.50), ms(lags, 0.90),
                ms(lags, 0.99), ms(lags, 0.999), ms(lags, 1.0), ms(lags, 0.99) < 1000 ? "MET" : "MISSED");
        System.out.println("\n=== analytics lag benchmark ===\n" + report);
        Files.writeString(Path.of("target/bench-results.txt"), Instant.now() + "\n" + report);
        assertThat(lags.count()).as("events reflected on the topic").isEqualTo(EVENTS);
    }

    /** Waits until the service's consumer group is assigned and the pipeline answers, so start-up is not measured. */
    private static void warmUp(String tag) throws InterruptedException {
        String session = tag + "-warm";
        String json = event(tag, -1, session);
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        publish("registration.events.v1", session, "RegistrationCreated", json);
        while (!latestByKey("analytics.session-stats.v1").containsKey(session)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the service never answered the warm-up event");
            }
            Thread.sleep(200);
        }
    }

    /** Nanoseconds at the quantile, in milliseconds; -1 when nothing was reflected. */
    private static double ms(Percentiles nanos, double quantile) {
        return nanos.count() == 0 ? -1 : nanos.at(quantile) / 1e6;
    }

    private static String event(String tag, int i, String session) {
        return "{\"eventId\":\"" + tag + "-e" + i + "\",\"occurredAt\":\"" + Instant.now()
                + "\",\"registrationId\":\"" + tag + "-r" + i + "\",\"sessionId\":\"" + session
                + "\",\"editionId\":\"" + tag + "\",\"participantId\":\"" + tag + "-p" + i
                + "\",\"status\":\"" + (i % 10 == 0 ? "WAITLISTED" : "CONFIRMED")
                + "\",\"seatMode\":\"IN_PERSON\",\"waitlistPosition\":null,\"audience\":\"STUDENT\","
                + "\"country\":\"CN\",\"affiliation\":\"Beijing University of Technology\",\"sessionSequence\":1}";
    }

    private static void watch(String tag, List<List<Integer>> bySession, long[] sentAt, long[] lag,
            AtomicInteger observed, AtomicBoolean running) {
        int[] reflected = new int[bySession.size()];
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor("analytics.session-stats.v1").stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            String prefix = tag + "-s";
            while (running.get()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(50))) {
                    long now = System.nanoTime();
                    if (r.key() == null || !r.key().startsWith(prefix)) {
                        continue;
                    }
                    int s = Integer.parseInt(r.key().substring(prefix.length()));
                    JsonNode stats = JSON.readTree(r.value());
                    int total = (int) (stats.path("confirmed").asLong() + stats.path("waitlisted").asLong());
                    List<Integer> events = bySession.get(s);
                    while (reflected[s] < Math.min(total, events.size())) {
                        int i = events.get(reflected[s]++);
                        lag[i] = now - sentAt[i];
                        observed.incrementAndGet();
                    }
                }
            }
        }
    }

    private static KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

}
