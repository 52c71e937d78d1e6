package org.eduweek.registration.domain;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/** Queries and conditional writes on the registrations collection. */
@Component
public class Registrations {

    private final MongoTemplate mongo;

    public Registrations(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the participant is already registered */
    public Registration insert(Registration registration) {
        return mongo.insert(registration);
    }

    public Optional<Registration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Registration.class));
    }

    public Optional<Registration> findActive(String sessionId, String participantId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(where("activeKey").is(Registration.activeKey(sessionId, participantId))),
                Registration.class));
    }

    /**
     * Applies {@code update} only if the registration is still in {@code expected} status: the compare-and-set
     * that makes concurrent cancel/promote/check-in safe. Returns the new state, or empty if someone was first.
     */
    public Optional<Registration> transition(String id, RegistrationStatus expected, Update update) {
        return transition(Query.query(where("_id").is(id).and("status").is(expected)), update);
    }

    public Optional<Registration> transition(Query query, Update update) {
        return Optional.ofNullable(mongo.findAndModify(query, update,
                FindAndModifyOptions.options().returnNew(true), Registration.class));
    }

    public List<Registration> ofParticipant(String participantId) {
        return mongo.find(Query.query(where("participantId").is(participantId))
                .with(Sort.by("createdAt")), Registration.class);
    }

    public List<Registration> confirmedOf(String participantId) {
        return mongo.find(Query.query(where("participantId").is(participantId)
                .and("status").is(RegistrationStatus.CONFIRMED)), Registration.class);
    }

    public List<Registration> ofSession(String sessionId, RegistrationStatus status) {
        Criteria c = where("sessionId").is(sessionId);
        if (status != null) {
            c = c.and("status").is(status);
        }
        return mongo.find(Query.query(c).with(Sort.by("createdAt", "_id")), Registration.class);
    }

    public List<Registration> waitlist(String sessionId, SeatMode mode, int limit) {
        Query q = Query.query(where("sessionId").is(sessionId).and("seatMode").is(mode)
                .and("status").is(RegistrationStatus.WAITLISTED)).with(Sort.by("waitNumber"));
        if (limit > 0) {
            q.limit(limit);
        }
        return mongo.find(q, Registration.class);
    }

    /** 1 + the number of people of the same session and mode still waiting with a smaller number. */
    public int waitlistPosition(Registration r) {
        if (!r.isWaitlisted() || r.waitNumber() == null) {
            return 0;
        }
        return 1 + (int) mongo.count(Query.query(where("sessionId").is(r.sessionId()).and("seatMode").is(r.seatMode())
                .and("status").is(RegistrationStatus.WAITLISTED).and("waitNumber").lt(r.waitNumber())),
                Registration.class);
    }

    public long countWaiting(String sessionId, SeatMode mode) {
        return mongo.count(Query.query(where("sessionId").is(sessionId).and("seatMode").is(mode)
                .and("status").is(RegistrationStatus.WAITLISTED)), Registration.class);
    }

    public long countConfirmed(String sessionId, SeatMode mode) {
        return mongo.count(Query.query(where("sessionId").is(sessionId).and("seatMode").is(mode)
                .and("status").is(RegistrationStatus.CONFIRMED)), Registration.class);
    }
}
