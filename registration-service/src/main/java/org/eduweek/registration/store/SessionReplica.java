package org.eduweek.registration.store;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import org.bson.Document;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.eduweek.registration.config.RegistrationProperties;
import org.eduweek.registration.domain.Session;

/**
 * Stores the session replica; an upsert guarded by {@code sequence}, so replays and reordering are harmless.
 * <p>
 * {@link #find} answers from a short-lived in-memory copy (a burst of registrations for one session reads it once
 * per TTL instead of twice per request). Only one instance consumes each schedule event; this instance refreshes its
 * copy when it applies one, the others see the change within the TTL. That staleness is acceptable because nothing
 * that must be exact is decided from it: seats are taken by the atomic conditional update of the seat counter
 * (capacity changes reach the counters, not this copy), the start time and status are re-read within the TTL, and a
 * registration that slips into a session cancelled during that window is cancelled by
 * {@link org.eduweek.registration.domain.SeatReconciler}. The session lifecycle itself reads the stored replica
 * ({@link #load}).
 */
@Component
public class SessionReplica {

    private final MongoTemplate mongo;
    private final AsyncCache<String, Session> recent;

    public SessionReplica(MongoTemplate mongo) {
        this(mongo, RegistrationProperties.SESSION_CACHE_TTL);
    }

    @Autowired
    public SessionReplica(MongoTemplate mongo, RegistrationProperties props) {
        this(mongo, props.sessionCacheTtl());
    }

    public SessionReplica(MongoTemplate mongo, Duration ttl) {
        this.mongo = mongo;
        this.recent = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).buildAsync();
    }

    /** @return true when this version was stored, false when the replica already had it or a newer one */
    public boolean apply(Session session) {
        Document doc = new Document();
        mongo.getConverter().write(session, doc);
        try {
            // no match (same or newer sequence stored) turns the upsert into an insert that the _id refuses
            var result = mongo.getCollection(Session.COLLECTION).replaceOne(
                    Filters.and(Filters.eq("_id", session.id()), Filters.lt("sequence", session.sequence())),
                    doc, new ReplaceOptions().upsert(true));
            return result.getModifiedCount() > 0 || result.getUpsertedId() != null;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            return false;
        } finally {
            recent.synchronous().invalidate(session.id());
        }
    }

    /**
     * The session as this instance saw it at most one TTL ago (a session not found is not remembered). A burst that
     * finds no copy reads the store once: the first caller reads, in its own thread, and the others wait for that
     * same read. Should the store hang, they all get its failure together, one store timeout later, instead of
     * queueing behind one reader after another.
     */
    public Optional<Session> find(String sessionId) {
        CompletableFuture<Session> mine = new CompletableFuture<>();
        CompletableFuture<Session> shared = recent.asMap().putIfAbsent(sessionId, mine);
        if (shared != null) {
            return Optional.ofNullable(awaitShared(shared));
        }
        try {
            Session session = mongo.findById(sessionId, Session.class);
            if (session == null) {
                recent.asMap().remove(sessionId, mine);
            }
            mine.complete(session);
            return Optional.ofNullable(session);
        } catch (RuntimeException | Error e) {
            recent.asMap().remove(sessionId, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    private static Session awaitShared(CompletableFuture<Session> shared) {
        try {
            return shared.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The stored replica, read now; refreshes the in-memory copy. */
    public Optional<Session> load(String sessionId) {
        Session session = mongo.findById(sessionId, Session.class);
        if (session == null) {
            recent.synchronous().invalidate(sessionId);
        } else {
            recent.put(sessionId, CompletableFuture.completedFuture(session));
        }
        return Optional.ofNullable(session);
    }
}
