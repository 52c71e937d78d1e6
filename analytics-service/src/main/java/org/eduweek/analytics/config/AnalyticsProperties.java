package org.eduweek.analytics.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code eduweek.analytics.*}: the pseudonym secret (HMAC key for participant ids), how often changed figures are
 * flushed to the topics and the live stream, the smallest group shown with its exact size, and the partitions and
 * replicas of the two compacted topics.
 */
@ConfigurationProperties("eduweek.analytics")
public record AnalyticsProperties(String pseudonymSecret, Duration flushInterval, int minGroupSize,
        int topicPartitions, short topicReplicas) {

    public AnalyticsProperties {
        if (pseudonymSecret == null || pseudonymSecret.isBlank()) {
            throw new IllegalStateException("eduweek.analytics.pseudonym-secret (ANALYTICS_PSEUDONYM_SECRET) is required");
        }
        flushInterval = flushInterval == null ? Duration.ofMillis(100) : flushInterval;
        minGroupSize = minGroupSize <= 0 ? 3 : minGroupSize;
        topicPartitions = topicPartitions <= 0 ? 3 : topicPartitions;
        topicReplicas = topicReplicas <= 0 ? 1 : topicReplicas;
    }
}
