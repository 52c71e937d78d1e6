package org.eduweek.notification.config;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import org.eduweek.notification.store.NotificationStore;

/**
 * Indexes of the collections written as plain documents (the entities' indexes come from their annotations),
 * created at startup (idempotent). The parked-message markers are looked up by participant when a contact arrives
 * (one ParticipantProfileChanged per new participant) and by session when a session arrives: without these, each
 * lookup read every marker, and the markers of participants who never give a contact stay.
 */
@Component
public class MongoIndexes implements InitializingBean {

    private final MongoTemplate mongo;

    public MongoIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        MongoCollection<Document> waiting = mongo.getCollection(NotificationStore.WAITING);
        waiting.createIndex(Indexes.ascending("participantId"), new IndexOptions().name("participant"));
        waiting.createIndex(Indexes.ascending("sessionId"), new IndexOptions().name("session"));
    }
}
