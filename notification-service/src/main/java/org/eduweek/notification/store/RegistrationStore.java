package org.eduweek.notification.store;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.eduweek.notification.domain.RegistrationReplica;

@Component
public class RegistrationStore {

    private final MongoTemplate mongo;

    public RegistrationStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Stores a new registration together with the keys of the reminders about to be planned for it (one write).
     * A replayed {@code RegistrationCreated} must not resurrect a registration cancelled since: an existing one is
     * left as it is.
     *
     * @return null when it was new (stored as given), else the registration as it was stored already
     */
    public RegistrationReplica created(RegistrationReplica r, Collection<String> reminderKeys) {
        Update u = new Update().setOnInsert("sessionId", r.sessionId()).setOnInsert("participantId", r.participantId())
                .setOnInsert("editionId", r.editionId()).setOnInsert("status", r.status())
                .setOnInsert("seatMode", r.seatMode()).setOnInsert("waitlistPosition", r.waitlistPosition())
                .setOnInsert("updatedAt", r.updatedAt()).setOnInsert("reminderKeys", List.copyOf(reminderKeys));
        // the document before (a copy), never the new one: mongo-java-server hands out its live document for that
        return mongo.findAndModify(Query.query(Criteria.where("_id").is(r.registrationId())), u,
                FindAndModifyOptions.options().upsert(true).returnNew(false), RegistrationReplica.class);
    }

    public void changeStatus(String registrationId, String sessionId, String participantId, String editionId,
            String status, Instant at) {
        Update u = new Update().set("status", status).set("updatedAt", at).setOnInsert("sessionId", sessionId)
                .setOnInsert("participantId", participantId).setOnInsert("editionId", editionId);
        Query q = Query.query(Criteria.where("_id").is(registrationId));
        if (!"CANCELLED".equals(status)) {
            // cancelled is final; a late promotion does not undo it
            q.addCriteria(Criteria.where("status").ne("CANCELLED"));
            if (mongo.exists(Query.query(Criteria.where("_id").is(registrationId).and("status").is("CANCELLED")),
                    RegistrationReplica.class)) {
                return;
            }
        }
        mongo.upsert(q, u, RegistrationReplica.class);
    }

    public void rememberReminders(String registrationId, Collection<String> keys) {
        if (!keys.isEmpty()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(registrationId)),
                    new Update().addToSet("reminderKeys").each(keys.toArray()), RegistrationReplica.class);
        }
    }

    public Optional<RegistrationReplica> find(String id) {
        return Optional.ofNullable(mongo.findById(id, RegistrationReplica.class));
    }

    public List<RegistrationReplica> activeForSession(String sessionId) {
        return mongo.find(Query.query(Criteria.where("sessionId").is(sessionId).and("status")
                .in("CONFIRMED", "WAITLISTED")), RegistrationReplica.class);
    }

    public List<RegistrationReplica> forSession(String sessionId) {
        return mongo.find(Query.query(Criteria.where("sessionId").is(sessionId)), RegistrationReplica.class);
    }

    public List<RegistrationReplica> confirmedForSession(String sessionId) {
        return mongo.find(Query.query(Criteria.where("sessionId").is(sessionId).and("status").is("CONFIRMED")),
                RegistrationReplica.class);
    }
}
