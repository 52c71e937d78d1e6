package org.eduweek.gateway.limits;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import reactor.core.publisher.Mono;

/** Where the token buckets live: this process's memory, or Redis shared by several gateway instances. */
interface BucketStore {

    /** Takes one token from the caller's bucket of this rule (created full on first use). */
    Mono<ConsumptionProbe> tryConsume(RateLimitRule rule, String caller);

    /**
     * Local lock-free Bucket4j buckets in one bounded Caffeine cache per rule, answered synchronously. An entry
     * unused for longer than its bucket needs to refill completely (plus a margin) is dropped: a new full bucket is
     * indistinguishable from it.
     */
    static BucketStore inMemory(long maximumSizePerRule) {
        java.util.Map<String, Cache<String, Bucket>> caches = new java.util.concurrent.ConcurrentHashMap<>();
        return (rule, caller) -> {
            Cache<String, Bucket> cache = caches.computeIfAbsent(rule.name(), name -> Caffeine.newBuilder()
                    .maximumSize(maximumSizePerRule)
                    .expireAfterAccess(rule.timeToRefill().plus(Duration.ofSeconds(10)))
                    // the cache's bookkeeping on the calling event loop: handing it to the common pool costs a
                    // thread wake-up every few dozen requests
                    .executor(Runnable::run)
                    .build());
            Bucket bucket = cache.get(caller, key -> Bucket.builder().addLimit(rule.limit()).build());
            return Mono.just(bucket.tryConsumeAndReturnRemaining(1));
        };
    }

    /** Bucket4j's distributed proxies (compare-and-swap over Lettuce's async API). */
    static BucketStore distributed(AsyncProxyManager<String> proxies) {
        return (rule, caller) -> Mono.fromFuture(() -> proxies
                .getProxy(rule.name() + "|" + caller, () -> CompletableFuture.completedFuture(rule.bucket()))
                .tryConsumeAndReturnRemaining(1));
    }
}
