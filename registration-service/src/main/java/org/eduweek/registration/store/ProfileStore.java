package org.eduweek.registration.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoServerException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.platform.outbox.OutboxRelay;
import org.eduweek.registration.domain.Participant;
import org.eduweek.registration.events.ParticipantProfileChanged;

import static com.mongodb.client.model.Filters.eq;
import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * The participants collection. Every write that announces a change carries its ParticipantProfileChanged in the
 * profile's {@code outbox} in the same write and hands it to the relay; which changes are announced is
 * {@link org.eduweek.registration.domain.Profiles}' decision.
 */
@Component
public class ProfileStore {

    private final MongoTemplate mongo;
    private final OutboxEvents events;
    private final OutboxRelay relay;

    public ProfileStore(MongoTemplate mongo, OutboxEvents events, OutboxRelay relay) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
    }

    public Optional<Participant> find(String participantId) {
        return Optional.ofNullable(mongo.findById(participantId, Participant.class));
    }

    /** The stored profiles among these ids, in one query. */
    public List<Participant> findAll(Collection<String> participantIds) {
        if (participantIds.isEmpty()) {
            return List.of();
        }
        return mongo.find(Query.query(where("_id").in(participantIds)), Participant.class);
    }

    /**
     * Adds {@code sessionId} to the profile's {@code activeSessionIds} in ONE upsert; a participant not stored yet is
     * inserted as {@code created} with {@code event} in its outbox. Returns the BEFORE image (empty when inserted):
     * mongo-java-server hands out its live document for AFTER, which a concurrent update can change while it is
     * serialized.
     */
    public Optional<Participant> enrol(Participant created, ParticipantProfileChanged event, String sessionId) {
        Participant withEvent = created.withOutbox(List.of(events.participant(event)));
        Document onInsert = new Document();
        mongo.getConverter().write(withEvent, onInsert);
        onInsert.remove("_id");
        onInsert.remove("activeSessionIds");
        for (int attempt = 0; attempt < 5; attempt++) {
            Document before;
            try {
                before = mongo.getCollection(Participant.COLLECTION).findOneAndUpdate(eq("_id", created.id()),
                        Updates.combine(Updates.addToSet("activeSessionIds", sessionId), Updates.setOnInsert(onInsert)),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
            } catch (MongoServerException e) {
                if (ErrorCategory.fromErrorCode(e.getCode()) == ErrorCategory.DUPLICATE_KEY) {
                    continue; // two first requests of a new participant raced to insert: now it exists
                }
                throw e;
            }
            if (before == null) {
                relay.signal(Participant.COLLECTION, created.id(), withEvent.outbox());
                return Optional.empty();
            }
            return Optional.of(mongo.getConverter().read(Participant.class, before));
        }
        throw new IllegalStateException("Profile " + created.id() + " kept changing concurrently");
    }

    /** Inserts a new profile with its event; empty when a concurrent request inserted it first. */
    public Optional<Participant> insert(Participant created, ParticipantProfileChanged event) {
        try {
            Participant stored = mongo.insert(created.withOutbox(List.of(events.participant(event))));
            relay.signal(Participant.COLLECTION, stored.id(), stored.outbox());
            return Optional.of(stored);
        } catch (DuplicateKeyException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code next}'s fields and {@code version} by compare-and-set on {@code current}'s profileVersion, with
     * {@code event} (when not null) in the same write. The state returned is the BEFORE image with the change applied
     * in memory (mongo-java-server's AFTER image is its live document); empty when the profile changed meanwhile.
     */
    public Optional<Participant> save(Participant current, Participant next, long version,
            ParticipantProfileChanged event) {
        Update update = new Update().set("name", next.name()).set("email", next.email()).set("phone", next.phone())
                .set("language", next.language()).set("smsConsent", next.smsConsent())
                .set("audience", next.audience()).set("affiliation", next.affiliation())
                .set("country", next.country()).set("level", next.level()).set("timeZone", next.timeZone())
                .set("claims", next.claims())
                .set("updatedAt", next.updatedAt()).set("profileVersion", version);
        OutboxMessage message = event == null ? null : events.participant(event);
        if (message != null) {
            update.push(OutboxMessage.FIELD, message);
        }
        Participant before = mongo.findAndModify(
                Query.query(where("_id").is(current.id()).and("profileVersion").is(current.profileVersion())),
                update, FindAndModifyOptions.options().returnNew(false), Participant.class);
        if (before == null) {
            return Optional.empty();
        }
        List<OutboxMessage> outbox = new ArrayList<>(before.outbox() == null ? List.of() : before.outbox());
        if (message != null) {
            outbox.add(message);
        }
        Participant saved = new Participant(before.id(), next.name(), next.email(), next.phone(), next.language(),
                next.smsConsent(), next.audience(), next.affiliation(), next.country(), next.level(), next.timeZone(), version,
                next.claims(), before.activeSessionIds(), next.updatedAt(), outbox);
        if (message != null) {
            relay.signal(Participant.COLLECTION, saved.id(), saved.outbox());
        }
        return Optional.of(saved);
    }

    public void removeActiveSession(String participantId, String sessionId) {
        mongo.updateFirst(Query.query(where("_id").is(participantId)),
                new Update().pull("activeSessionIds", sessionId), Participant.class);
    }
}
