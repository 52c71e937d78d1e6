package org.eduweek.platform.messaging;

import java.time.Instant;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Remembers which events a consumer has applied, for handlers whose effect is not naturally idempotent (counters,
 * sends). Apply the effect and remember the event in ONE document where you can; use this where you cannot, and
 * remember only after the effect is durable, so a crash re-applies (and the effect dedupes) rather than loses.
 */
public class ProcessedEvents {

    public static final String COLLECTION = "processed_events";

    private final MongoTemplate mongo;

    public ProcessedEvents(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean seen(String consumer, String eventId) {
        return mongo.getCollection(COLLECTION).countDocuments(new Document("_id", consumer + ":" + eventId)) > 0;
    }

    /** @return false when it was remembered already (a redelivery) */
    public boolean remember(String consumer, String eventId) {
        try {
            mongo.getCollection(COLLECTION).insertOne(new Document("_id", consumer + ":" + eventId)
                    .append("at", java.util.Date.from(Instant.now())));
            return true;
        } catch (com.mongodb.MongoWriteException e) {
            if (e.getError().getCode() == 11000) {
                return false;
            }
            throw e;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }
}
