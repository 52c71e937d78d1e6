package org.eduweek.analytics.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eduweek.analytics.domain.NotificationOutcome;
import org.eduweek.analytics.domain.RegistrationFact;
import org.eduweek.analytics.domain.SessionInfo;
import org.eduweek.analytics.store.AnalyticsStore;
import org.eduweek.platform.messaging.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every figure from scratch: drops the stored facts, then reads the three input topics from the beginning
 * up to their current end with a fresh consumer (no group, nothing committed) through the same translator as the
 * live consumers. The store's lock is held throughout, so the live consumers wait; what they deliver afterwards
 * overlaps what was replayed, which the idempotent facts absorb. Unreadable records are skipped here as the live
 * path parks them in the DLQ, so both end with the same figures.
 */
@Component
public class Rebuilder {

    public static final List<String> TOPICS = List.of("schedule.events.v1", "registration.events.v1",
            "notification.events.v1");
    private static final Logger log = LoggerFactory.getLogger(Rebuilder.class);

    private final AnalyticsStore store;
    private final EventTranslator translator;
    private final KafkaProperties kafka;

    public record Result(long replayed, long skipped, long tookMillis) {
    }

    public Rebuilder(AnalyticsStore store, EventTranslator translator, KafkaProperties kafka) {
        this.store = store;
        this.translator = translator;
        this.kafka = kafka;
    }

    public Result rebuild() {
        long started = System.nanoTime();
        long[] counts = store.rebuild(this::replay);
        Result result = new Result(counts[0], counts[1], (System.nanoTime() - started) / 1_000_000);
        log.info("Rebuilt analytics from the beginning of {}: {}", TOPICS, result);
        return result;
    }

    private long[] replay() {
        long replayed = 0;
        long skipped = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                List<RegistrationFact> registrations = new ArrayList<>();
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    if (apply(record, registrations)) {
                        replayed++;
                    } else {
                        skipped++;
                    }
                }
                store.applyAll(registrations);
            }
        }
        return new long[] { replayed, skipped };
    }

    /** Registration facts are collected for one bulk write per poll, like the live listener does. */
    private boolean apply(ConsumerRecord<String, String> record, List<RegistrationFact> registrations) {
        String type = EventHeaders.text(record, EventHeaders.EVENT_TYPE);
        try {
            switch (record.topic()) {
                case "registration.events.v1" -> {
                    RegistrationFact fact = translator.registration(type, record.value());
                    if (fact != null) {
                        registrations.add(fact);
                    }
                }
                case "schedule.events.v1" -> {
                    SessionInfo info = translator.schedule(type, record.value());
                    if (info != null) {
                        store.apply(info);
                    }
                }
                default -> {
                    NotificationOutcome outcome = translator.notification(type, record.value());
                    if (outcome != null) {
                        store.apply(outcome);
                    }
                }
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return false;
        }
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "analytics-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }
}
