package org.eduweek.analytics.store;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eduweek.analytics.domain.EmittedRecord;
import org.eduweek.analytics.domain.FigureCalculator;
import org.eduweek.analytics.domain.NotificationOutcome;
import org.eduweek.analytics.domain.Projection;
import org.eduweek.analytics.domain.RegistrationFact;
import org.eduweek.analytics.domain.RegistrationState;
import org.eduweek.analytics.domain.SessionInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The durable facts (MongoDB: one document per registration, session and notification) and the in-memory figures
 * derived from them. A fact is written first, then the figures move, so a crash in between is repaired on restart:
 * the figures are recomputed from the stored facts, never from a counter that could have drifted. One lock keeps
 * the three consumers and the rebuild from interleaving.
 */
@Component
public class AnalyticsStore {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final Projection projection = new Projection();
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, String> emitted = new java.util.concurrent.ConcurrentHashMap<>();

    public AnalyticsStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        load();
    }

    public void apply(RegistrationFact fact) {
        applyAll(List.of(fact));
    }

    /**
     * A whole poll's worth of registration facts: merged in memory, written with ONE unordered bulk upsert, then
     * committed to the figures. A failure leaves the figures untouched and the batch is redelivered (idempotent).
     */
    public void applyAll(List<RegistrationFact> facts) {
        locked(() -> {
            Map<String, RegistrationState> pending = new LinkedHashMap<>();
            for (RegistrationFact fact : facts) {
                RegistrationState next = projection.next(fact, pending);
                if (next != null) {
                    pending.put(next.id(), next);
                }
            }
            if (pending.isEmpty()) {
                return null;
            }
            BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, RegistrationState.class);
            pending.values().forEach(state -> bulk.replaceOne(Query.query(Criteria.where("_id").is(state.id())),
                    state, FindAndReplaceOptions.options().upsert()));
            bulk.execute();
            pending.values().forEach(projection::commit);
            return null;
        });
    }

    public void apply(SessionInfo info) {
        locked(() -> {
            if (projection.accepts(info)) {
                mongo.save(info);
                projection.commit(info);
            }
            return null;
        });
    }

    public void apply(NotificationOutcome outcome) {
        locked(() -> {
            if (projection.accepts(outcome)) {
                mongo.save(outcome);
                projection.commit(outcome);
            }
            return null;
        });
    }

    /** Runs a query against a consistent view of the figures, with the store's clock deciding no-shows. */
    public <T> T read(Function<FigureCalculator, T> query) {
        return locked(() -> query.apply(new FigureCalculator(projection, clock.instant())));
    }

    /** Gives exclusive access to the projection (publisher's dirty set, rebuild). */
    public <T> T withProjection(Function<Projection, T> work) {
        return locked(() -> work.apply(projection));
    }

    /** Whether {@code fingerprint} is what was last published under {@code id} (topic + key). */
    public boolean emittedAlready(String id, String fingerprint) {
        return fingerprint.equals(emitted.get(id));
    }

    /** Whether anything was ever published under {@code id}. */
    public boolean emittedEver(String id) {
        return emitted.containsKey(id);
    }

    /** Remembers what was published (after the broker acknowledged it), in memory and in MongoDB. */
    public void remember(List<EmittedRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        BulkOperations bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, EmittedRecord.class);
        records.forEach(r -> bulk.replaceOne(Query.query(Criteria.where("_id").is(r.id())), r,
                FindAndReplaceOptions.options().upsert()));
        records.forEach(r -> emitted.put(r.id(), r.fingerprint()));
        try {
            bulk.execute();
        } catch (RuntimeException e) {
            // at worst one duplicate per key after a restart
            log.warn("Remembering published records failed: {}", e.getMessage());
        }
    }

    /** Forgets every fact, in MongoDB and in memory; the caller replays the topics while holding the lock. */
    public <T> T rebuild(Supplier<T> replay) {
        return locked(() -> {
            mongo.dropCollection(RegistrationState.class);
            mongo.dropCollection(SessionInfo.class);
            mongo.dropCollection(NotificationOutcome.class);
            // a rebuild republishes every record, for consumers that lost the topics
            mongo.dropCollection(EmittedRecord.class);
            emitted.clear();
            projection.clear();
            T result = replay.get();
            projection.markAllDirty();
            return result;
        });
    }

    private void load() {
        long started = System.nanoTime();
        mongo.findAll(SessionInfo.class).forEach(projection::commit);
        mongo.findAll(RegistrationState.class).forEach(projection::commit);
        mongo.findAll(NotificationOutcome.class).forEach(projection::commit);
        mongo.findAll(EmittedRecord.class).forEach(r -> emitted.put(r.id(), r.fingerprint()));
        // everything loaded stays dirty: the first flush recomputes it, publishes only what differs from what was
        // last published (see emitted) and catches no-shows of sessions that ended while the service was down
        log.info("Loaded analytics facts in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
