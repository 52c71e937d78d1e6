package org.eduweek.notification.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import org.eduweek.platform.testing.TestInfrastructure;

/** The consumer group's committed offsets, for tests of out-of-order acknowledgement. */
public final class Offsets {

    private Offsets() {
    }

    /** Waits until the group has committed every partition of the topic up to its current end. */
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
                    assertThat(done).as("committed offset of %s (end %d)", p, end).isGreaterThanOrEqualTo(end);
                }
            });
        }
    }
}
