package org.eduweek.local.rehearsal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Puts records on a topic as a broken producer would, and reads dead-letter topics back. */
public final class DeadLetters {

    private final String bootstrapServers;

    public DeadLetters(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Sends one record and returns where it landed; headers are sent as UTF-8 strings, like the services'. */
    public RecordMetadata send(String topic, String key, String value, Map<String, String> headers) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                bootstrapServers, "key.serializer", StringSerializer.class.getName(), "value.serializer",
                StringSerializer.class.getName()))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(StandardCharsets.UTF_8)));
            return producer.send(record).get();
        }
    }

    /** Every record of a topic, from the beginning to its end now (empty if the topic does not exist). */
    public List<ConsumerRecord<String, String>> read(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                bootstrapServers, "group.id", "rehearsal-reader-" + UUID.randomUUID(), "enable.auto.commit", "false",
                "key.deserializer", StringDeserializer.class.getName(), "value.deserializer",
                StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = new ArrayList<>();
            var infos = consumer.listTopics(Duration.ofSeconds(10)).get(topic);
            if (infos == null) {
                return List.of();
            }
            infos.forEach(i -> partitions.add(new TopicPartition(topic, i.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(20);
            while (Instant.now().isBefore(deadline)
                    && partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    /** A header as text: UTF-8, or a big-endian number where a binder wrote one as bytes. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        if (h == null) {
            return null;
        }
        byte[] v = h.value();
        if ((v.length == 4 || v.length == 8) && v[0] == 0) {
            long n = 0;
            for (byte b : v) {
                n = n << 8 | (b & 0xff);
            }
            return Long.toString(n);
        }
        return new String(v, StandardCharsets.UTF_8);
    }
}
