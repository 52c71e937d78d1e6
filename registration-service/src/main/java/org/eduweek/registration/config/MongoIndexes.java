package org.eduweek.registration.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.eduweek.registration.domain.Registration;

/**
 * Indexes the rules rely on, created at startup (idempotent). {@code activeKey} unique + sparse is what makes "one
 * active registration per participant and session" hold under concurrent requests; the others serve the queries
 * on a real MongoDB, and the embedded one (the local launcher narrows queries by their first field).
 */
@Component
public class MongoIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    public MongoIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        MongoCollection<Document> registrations = mongo.getCollection(Registration.COLLECTION);
        registrations.createIndex(Indexes.ascending("activeKey"),
                new IndexOptions().name("activeKey_unique").unique(true).sparse(true));
        registrations.createIndex(Indexes.ascending("participantId"), new IndexOptions().name("participant"));
        registrations.createIndex(Indexes.ascending("sessionId", "seatMode", "status", "waitNumber"),
                new IndexOptions().name("session_waitlist"));
        mongo.getCollection(org.eduweek.registration.store.CalendarFeedStore.COLLECTION).createIndex(
                Indexes.ascending("tokenHash"), new IndexOptions().name("tokenHash_unique").unique(true));
    }
}
