package org.eduweek.platform.idempotency;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Keys live in one MongoDB collection, one document per (caller, method, path, key) scope, whose {@code _id} is a
 * hash of that scope. Claiming a key is a plain insert: the unique {@code _id} makes exactly one of several
 * concurrent duplicates the owner, on any number of instances, without transactions.
 */
public class IdempotencyStore {

    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String COMPLETED = "COMPLETED";

    private final MongoTemplate mongo;
    private final IdempotencyProperties props;
    private final Clock clock;

    public IdempotencyStore(MongoTemplate mongo, IdempotencyProperties props, Clock clock) {
        this.mongo = mongo;
        this.props = props;
        this.clock = clock;
    }

    /** What a request found when it tried to claim its key. */
    public sealed interface Claim {
        record Started() implements Claim {
        }

        record Replay(String requestHash, StoredResponse response) implements Claim {
        }

        record Busy() implements Claim {
        }
    }

    public Claim claim(String scopeId, String requestHash, String caller, String method, String path) {
        Instant now = clock.instant();
        try {
            collection().insertOne(new Document("_id", scopeId).append("state", IN_PROGRESS)
                    .append("requestHash", requestHash).append("caller", caller).append("method", method)
                    .append("path", path).append("startedAt", Date.from(now))
                    .append("expiresAt", Date.from(now.plus(props.ttl()))));
            return new Claim.Started();
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        Document existing = collection().find(Filters.eq("_id", scopeId)).first();
        if (existing == null) {
            // deleted between our insert and read (expired or released after a failure): try once more
            return claim(scopeId, requestHash, caller, method, path);
        }
        if (COMPLETED.equals(existing.getString("state"))) {
            Binary body = existing.get("body", Binary.class);
            return new Claim.Replay(existing.getString("requestHash"),
                    new StoredResponse(existing.getInteger("status"), existing.getString("contentType"),
                            existing.getString("location"), body == null ? new byte[0] : body.getData()));
        }
        Date startedAt = existing.getDate("startedAt");
        if (startedAt != null && startedAt.toInstant().plus(props.lockTimeout()).isBefore(now)) {
            // the first request's instance died mid-way: take the key over, once, by compare-and-set
            long taken = collection().updateOne(
                    Filters.and(Filters.eq("_id", scopeId), Filters.eq("state", IN_PROGRESS),
                            Filters.eq("startedAt", startedAt)),
                    Updates.combine(Updates.set("startedAt", Date.from(now)),
                            Updates.set("requestHash", requestHash)))
                    .getModifiedCount();
            if (taken == 1) {
                return new Claim.Started();
            }
        }
        return new Claim.Busy();
    }

    public void complete(String scopeId, StoredResponse response) {
        collection().updateOne(Filters.eq("_id", scopeId), Updates.combine(Updates.set("state", COMPLETED),
                Updates.set("status", response.status()), Updates.set("contentType", response.contentType()),
                Updates.set("location", response.location()), Updates.set("body", new Binary(response.body()))));
    }

    /** Forgets a key whose request failed on our side, so the client's retry runs it again. */
    public void release(String scopeId) {
        collection().deleteOne(Filters.and(Filters.eq("_id", scopeId), Filters.eq("state", IN_PROGRESS)));
    }

    /** Deletes keys older than the TTL; returns how many. */
    public long deleteExpired() {
        return collection().deleteMany(Filters.lt("expiresAt", Date.from(clock.instant()))).getDeletedCount();
    }

    private MongoCollection<Document> collection() {
        return mongo.getCollection(props.collection());
    }
}
