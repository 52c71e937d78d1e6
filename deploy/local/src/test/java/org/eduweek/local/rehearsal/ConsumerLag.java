package org.eduweek.local.rehearsal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far each service's consumer group is behind on the topics it reads, from Kafka's Admin API: committed offsets
 * against the end of every partition. A partition with records and no commit counts as behind by all of them.
 */
public final class ConsumerLag implements AutoCloseable {

    /** The groups of docs/CONTRACTS.md and the topics each reads (README, "Who consumes what"). */
    public static final Map<String, List<String>> READS = Map.of(
            "registration-service", List.of("schedule.events.v1"),
            "notification-service", List.of("schedule.events.v1", "registration.events.v1", "participant.events.v1"),
            "analytics-service", List.of("schedule.events.v1", "registration.events.v1", "notification.events.v1"));

    private final Admin admin;

    public ConsumerLag(String bootstrapServers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(p);
    }

    /** Every partition with lag above 0, as "group topic-partition: lag"; empty when everyone has caught up. */
    public List<String> behind() throws Exception {
        Set<String> groups = new java.util.TreeSet<>(READS.keySet());
        // every group a service runs, should one be added: named after the service
        for (ConsumerGroupListing g : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
            if (READS.keySet().stream().anyMatch(s -> g.groupId().startsWith(s))) {
                groups.add(g.groupId());
            }
        }
        List<String> behind = new ArrayList<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Set<String> topics = new java.util.TreeSet<>(READS.getOrDefault(service(group), List.of()));
            committed.keySet().forEach(tp -> topics.add(tp.topic()));
            for (Map.Entry<TopicPartition, Long> end : ends(topics).entrySet()) {
                OffsetAndMetadata c = committed.get(end.getKey());
                long lag = end.getValue() - (c == null ? 0 : c.offset());
                if (lag > 0) {
                    behind.add(group + " " + end.getKey() + ": " + lag + (c == null ? " (nothing committed)" : ""));
                }
            }
        }
        return behind;
    }

    private static String service(String group) {
        return READS.keySet().stream().filter(group::startsWith).findFirst().orElse(group);
    }

    private Map<TopicPartition, Long> ends(Set<String> topics) throws Exception {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        described.values().forEach(d -> d.partitions().forEach(
                p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
        Map<TopicPartition, Long> ends = new LinkedHashMap<>();
        admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
        return ends;
    }

    @Override
    public void close() {
        admin.close();
    }
}
