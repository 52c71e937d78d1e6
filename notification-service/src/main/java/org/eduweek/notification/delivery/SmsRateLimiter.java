package org.eduweek.notification.delivery;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * The provider's per-sender rate (e.g. 1 message/s): a sender waits for a token instead of being refused, so a burst
 * of due reminders queues up and drains at exactly the allowed pace. One bucket per sender id, in this instance;
 * several instances would share a distributed bucket (Bucket4j has MongoDB/Redis back-ends) or split the rate.
 */
public class SmsRateLimiter {

    private final double ratePerSecond;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public SmsRateLimiter(double ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    public void acquire(String sender) throws InterruptedException {
        buckets.computeIfAbsent(sender, s -> newBucket()).asBlocking().consume(1);
    }

    private Bucket newBucket() {
        Bandwidth limit;
        if (ratePerSecond >= 1) {
            long perSecond = Math.round(ratePerSecond);
            // capacity = one second's worth: no larger burst than the provider tolerates
            limit = Bandwidth.builder().capacity(perSecond).refillGreedy(perSecond, Duration.ofSeconds(1))
                    .initialTokens(1).build();
        } else {
            limit = Bandwidth.builder().capacity(1)
                    .refillIntervally(1, Duration.ofMillis(Math.round(1000 / ratePerSecond))).build();
        }
        return Bucket.builder().addLimit(limit).build();
    }
}
