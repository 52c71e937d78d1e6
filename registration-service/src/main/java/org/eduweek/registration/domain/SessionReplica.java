package org.eduweek.registration.domain;

import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/** Stores the session replica; an upsert guarded by {@code sequence}, so replays and reordering are harmless. */
@Component
public class SessionReplica {

    private final MongoTemplate mongo;

    public SessionReplica(MongoTemplate mongo) {
        this.mongo = mongo;
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
        }
    }

    public Optional<Session> find(String sessionId) {
        return Optional.ofNullable(mongo.findById(sessionId, Session.class));
    }
}
