package org.eduweek.registration.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * The personal calendar feeds: one per participant (the document id), holding only the SHA-256 of the feed's
 * secret, never the secret itself. Creating a feed again replaces the hash, which is what retires the old URL.
 */
@Repository
public class CalendarFeedStore {

    public static final String COLLECTION = "calendar_feeds";

    @Document(COLLECTION)
    public record Feed(@Id String participantId, String tokenHash, Instant createdAt) {
    }

    private final MongoTemplate mongo;

    public CalendarFeedStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Stores {@code feed} in place of the participant's previous one, if any (one atomic replace). */
    public void replace(Feed feed) {
        mongo.findAndReplace(Query.query(where("_id").is(feed.participantId())), feed,
                FindAndReplaceOptions.options().upsert());
    }

    public Optional<Feed> ofParticipant(String participantId) {
        return Optional.ofNullable(mongo.findById(participantId, Feed.class));
    }

    public Optional<Feed> byTokenHash(String tokenHash) {
        return Optional.ofNullable(mongo.findOne(Query.query(where("tokenHash").is(tokenHash)), Feed.class));
    }

    /** @return whether there was a feed to remove */
    public boolean remove(String participantId) {
        return mongo.remove(Query.query(where("_id").is(participantId)), Feed.class).getDeletedCount() > 0;
    }
}
