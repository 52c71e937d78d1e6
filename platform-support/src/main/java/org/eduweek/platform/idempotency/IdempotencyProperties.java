package org.eduweek.platform.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled whether state-changing requests honour the {@code Idempotency-Key} header
 * @param collection the MongoDB collection that remembers keys and their first answers
 * @param ttl how long a key (and the answer it replays) is kept; the cleanup job deletes older ones
 * @param lockTimeout how long an unfinished first request blocks its key; after that (the instance probably died)
 *        a retry may take the key over
 * @param cleanupInterval how often expired keys are deleted (the embedded store has no TTL indexes)
 */
@ConfigurationProperties("eduweek.idempotency")
public record IdempotencyProperties(Boolean enabled, String collection, Duration ttl, Duration lockTimeout,
        Duration cleanupInterval) {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public IdempotencyProperties {
        enabled = enabled == null || enabled;
        collection = collection == null ? "idempotency_keys" : collection;
        ttl = ttl == null ? Duration.ofHours(24) : ttl;
        lockTimeout = lockTimeout == null ? Duration.ofMinutes(1) : lockTimeout;
        cleanupInterval = cleanupInterval == null ? Duration.ofMinutes(15) : cleanupInterval;
    }
}
