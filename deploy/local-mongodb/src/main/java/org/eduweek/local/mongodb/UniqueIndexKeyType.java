package org.eduweek.local.mongodb;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.bwaldvogel.mongo.backend.KeyValue;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of mongo-java-server's unique-index maps (every {@code _id} and every unique index), with the same
 * order and the same bytes on disk as H2's default {@link ObjectDataType}, only faster to compare.
 *
 * <p>{@link KeyValue} is Serializable but not Comparable, so H2 orders two keys by their Java-serialized bytes and
 * serializes BOTH keys again on every step of every B-tree search, one of the embedded stack's largest costs under a
 * registration burst. Here each key's bytes are computed once
 * and kept while the key object lives (the keys of cached pages, the key being searched for). The comparison itself
 * is H2's own {@link ObjectDataType#compareNotNull}, so the order of existing files is unchanged. Only compare is
 * overridden: pages are written and read exactly as before.
 */
final class UniqueIndexKeyType extends ObjectDataType {

    /**
     * Weak keys compare by identity (a key object's bytes never change: index keys are not mutated), and an entry
     * goes when its key object does, so the memo is as large as the index pages held in memory. Not size-bounded on
     * purpose: a bounded cache's read bookkeeping on every compare costs more than the serialization it saves.
     * Its upkeep runs on the comparing thread: handed to the common pool (Caffeine's default) it would wake a pool
     * thread every few hundred reads ({@code ForkJoinPool.signalWork} under {@code BoundedLocalCache.afterRead}), a
     * wake-up that costs the MongoDB threads more than the upkeep itself.
     */
    private static final Cache<Object, byte[]> SERIALIZED = Caffeine.newBuilder().weakKeys().executor(Runnable::run)
            .build();

    /** The key a B-tree search looks for, with its bytes: the last one per thread. */
    private static final ThreadLocal<Object[]> SEARCHED = ThreadLocal.withInitial(() -> new Object[2]);

    @Override
    public int compare(Object a, Object b) {
        if (a instanceof KeyValue && b instanceof KeyValue) {
            return a == b ? 0 : compareNotNull(searched(a), stored(b));
        }
        return super.compare(a, b);
    }

    /**
     * H2's binary search passes the key it looks for first, the same object at every step of one search: its bytes
     * are kept per thread for that search instead of in the shared memo (most are used for one search only, and a
     * shared-map lookup on every step costs as much as the rest of the compare). Correct for any argument order: a
     * different object is serialized afresh.
     */
    private static byte[] searched(Object key) {
        Object[] last = SEARCHED.get();
        if (last[0] != key) {
            last[1] = serialize(key);
            last[0] = key;
        }
        return (byte[]) last[1];
    }

    private static byte[] stored(Object key) {
        return SERIALIZED.get(key, ObjectDataType::serialize);
    }
}
