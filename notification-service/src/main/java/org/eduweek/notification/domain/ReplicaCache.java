package org.eduweek.notification.domain;

import java.time.Duration;
import java.util.function.BiPredicate;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

/**
 * In-memory copies of replica documents read for every message (session, contact, preferences, edition settings),
 * so a burst of registrations for one session does not read the same documents from MongoDB again and again.
 * <ul>
 * <li>Writes made here go through: {@link #put} after a write that applied, {@link #invalidate} after one that did
 * not (the database holds something this instance has not seen).</li>
 * <li>A load never overwrites a newer copy: a value read from the database before a concurrent write and cached
 * after it loses to that write ({@code newer} decides; by default what is cached stays).</li>
 * <li>Writes made by other instances (each consumes only some partitions) are seen once the copy expires:
 * {@code ttl} bounds that staleness. Readers that know a minimum version (a session sequence) reload below it.</li>
 * </ul>
 */
public final class ReplicaCache<V> {

    private final Cache<String, V> cache;
    private final BiPredicate<V, V> newer;

    /** @param newer true when the first value is newer than the second (the cached one) */
    public ReplicaCache(Duration ttl, long maxEntries, BiPredicate<V, V> newer) {
        this(ttl, maxEntries, newer, Ticker.systemTicker());
    }

    ReplicaCache(Duration ttl, long maxEntries, BiPredicate<V, V> newer, Ticker ticker) {
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).ticker(ticker).build();
        this.newer = newer;
    }

    public ReplicaCache(Duration ttl, long maxEntries) {
        this(ttl, maxEntries, (loaded, cached) -> false);
    }

    /**
     * The cached copy, else the loaded one (cached unless null: absence is not cached). Concurrent readers of a
     * missing entry (the email and the SMS worker of one registration, say) wait for one load instead of each
     * loading it; a write arriving meanwhile waits for the load and then replaces it.
     */
    public V get(String id, Function<String, V> load) {
        return cache.get(id, load);
    }

    /** Offers a value just read from the database; @return the value now current in the cache */
    public V loaded(String id, V value) {
        if (value == null) {
            return null;
        }
        return cache.asMap().merge(id, value, (cached, fresh) -> newer.test(fresh, cached) ? fresh : cached);
    }

    public V getIfPresent(String id) {
        return cache.getIfPresent(id);
    }

    /** What the database holds now, after a write of this instance that applied. */
    public void put(String id, V value) {
        cache.put(id, value);
    }

    public void invalidate(String id) {
        cache.invalidate(id);
    }
}
