package org.eduweek.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ReplicaCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ReplicaCache<Long> cache = new ReplicaCache<>(Duration.ofSeconds(5), 100,
            (loaded, cached) -> loaded > cached, nanos::get);

    @Test
    void servesRepeatedReadsFromMemoryUntilTheCopyExpires() {
        AtomicInteger loads = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            assertThat(cache.get("s", id -> (long) loads.incrementAndGet())).isEqualTo(1L);
        }
        assertThat(loads).hasValue(1);

        nanos.addAndGet(Duration.ofSeconds(6).toNanos());
        assertThat(cache.get("s", id -> (long) loads.incrementAndGet())).isEqualTo(2L);
    }

    @Test
    void doesNotRememberThatSomethingIsMissing() {
        assertThat(cache.get("s", id -> null)).isNull();
        assertThat(cache.get("s", id -> 7L)).isEqualTo(7L);
    }

    @Test
    void aWriteOfThisInstanceReplacesTheCopyAtOnce() {
        cache.get("s", id -> 1L);
        cache.put("s", 2L);
        assertThat(cache.get("s", id -> 1L)).isEqualTo(2L);
    }

    @Test
    void aLoadReadBeforeAConcurrentWriteDoesNotOverwriteIt() {
        cache.put("s", 5L);
        assertThat(cache.loaded("s", 4L)).isEqualTo(5L);
        assertThat(cache.getIfPresent("s")).isEqualTo(5L);
        assertThat(cache.loaded("s", 6L)).as("a newer stored version replaces the copy").isEqualTo(6L);
    }

    @Test
    void aWriteThatDidNotApplyDropsTheCopy() {
        cache.put("s", 5L);
        cache.invalidate("s");
        assertThat(cache.get("s", id -> 9L)).isEqualTo(9L);
    }
}
