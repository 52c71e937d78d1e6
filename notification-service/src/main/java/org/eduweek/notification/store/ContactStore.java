package org.eduweek.notification.store;

import java.time.Duration;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.eduweek.notification.domain.Contact;
import org.eduweek.notification.domain.ReplicaCache;

@Component
public class ContactStore {

    private final MongoTemplate mongo;
    private final ReplicaCache<Contact> cache;

    public ContactStore(MongoTemplate mongo, @Value("${eduweek.notification.cache.ttl:PT5S}") Duration ttl,
            @Value("${eduweek.notification.cache.max-entries:50000}") long maxEntries) {
        this.mongo = mongo;
        this.cache = new ReplicaCache<>(ttl, maxEntries, ContactStore::newer);
    }

    static boolean newer(Contact a, Contact b) {
        if (a.profileVersion() != b.profileVersion()) {
            return a.profileVersion() > b.profileVersion();
        }
        return a.occurredAt() != null && (b.occurredAt() == null || a.occurredAt().isAfter(b.occurredAt()));
    }

    /**
     * Stores the profile unless a newer one is there already: a higher {@code profileVersion} wins, and for equal
     * versions the later {@code occurredAt}. Replays and out-of-order deliveries are therefore harmless.
     *
     * @return true when this profile is now the current one
     */
    public boolean upsertIfNewer(Contact c) {
        Criteria older = new Criteria().orOperator(
                Criteria.where("profileVersion").lt(c.profileVersion()),
                new Criteria().andOperator(Criteria.where("profileVersion").is(c.profileVersion()),
                        Criteria.where("occurredAt").lt(c.occurredAt())));
        Query q = Query.query(new Criteria().andOperator(Criteria.where("_id").is(c.participantId()), older));
        Update u = new Update().set("name", c.name()).set("email", c.email()).set("phone", c.phone())
                .set("language", c.language()).set("smsConsent", c.smsConsent())
                .set("profileVersion", c.profileVersion()).set("occurredAt", c.occurredAt());
        try {
            // the old document (a copy; returnNew would hand out the embedded server's live one) is not needed
            mongo.findAndModify(q, u, FindAndModifyOptions.options().upsert(true).returnNew(false), Contact.class);
            cache.put(c.participantId(), c);
            return true;
        } catch (DuplicateKeyException e) {
            // the document exists and is not older: this event is stale or a replay
            cache.invalidate(c.participantId());
            return false;
        }
    }

    public Optional<Contact> find(String participantId) {
        return Optional.ofNullable(cache.get(participantId, id -> mongo.findById(id, Contact.class)));
    }
}
