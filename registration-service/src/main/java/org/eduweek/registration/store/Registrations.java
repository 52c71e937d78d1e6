package org.eduweek.registration.store;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.platform.outbox.OutboxRelay;
import org.eduweek.registration.domain.Registration;
import org.eduweek.registration.domain.Registration.Transition;
import org.eduweek.registration.domain.RegistrationStatus;
import org.eduweek.registration.domain.SeatMode;
import org.eduweek.registration.events.ParticipantCheckedIn;
import org.eduweek.registration.events.RegistrationCancelled;
import org.eduweek.registration.events.RegistrationCreated;
import org.eduweek.registration.events.WaitlistPromoted;

import static org.springframework.data.mongodb.core.query.Criteria.where;

/**
 * Queries and writes on the registrations collection. Each write stores one {@link Transition} of
 * {@link Registration} as ONE conditional write of its document: the filter is the state the transition started
 * from (the compare-and-set that makes concurrent cancel/promote/check-in safe on any number of instances) and the
 * same write appends the transition's event to the outbox, which is then handed to the relay.
 */
@Component
public class Registrations {

    private final MongoTemplate mongo;
    private final OutboxEvents events;
    private final OutboxRelay relay;

    public Registrations(MongoTemplate mongo, OutboxEvents events, OutboxRelay relay) {
        this.mongo = mongo;
        this.events = events;
        this.relay = relay;
    }

    /**
     * A new registration with its RegistrationCreated in its outbox, in one write.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the participant is already registered
     */
    public Registration insert(Transition<RegistrationCreated> created) {
        RegistrationCreated e = created.event();
        Registration stored = mongo.insert(created.registration().withOutbox(
                List.of(events.registration(e.eventId(), e.sessionId(), RegistrationCreated.TYPE, e))));
        relay.signal(Registration.COLLECTION, stored.id(), stored.outbox());
        return stored;
    }

    /** Applies a promotion only if the registration is still WAITLISTED; empty if someone was first. */
    public Optional<Registration> promote(Transition<WaitlistPromoted> promoted) {
        Registration r = promoted.registration();
        WaitlistPromoted e = promoted.event();
        return write(promoted, still(promoted), new Update().set("status", r.status())
                .set("confirmedAt", r.confirmedAt())
                .push(OutboxMessage.FIELD, events.registration(e.eventId(), e.sessionId(), WaitlistPromoted.TYPE, e)));
    }

    /** Applies a cancellation only if the registration is still in the status it was cancelled from. */
    public Optional<Registration> cancel(Transition<RegistrationCancelled> cancelled) {
        Registration r = cancelled.registration();
        RegistrationCancelled e = cancelled.event();
        return write(cancelled, still(cancelled), new Update().set("status", r.status())
                .unset("activeKey").set("cancelledAt", r.cancelledAt()).set("cancelReason", r.cancelReason())
                .set("cancelReasonText", r.cancelReasonText()).set("cancelledBy", r.cancelledBy())
                .push(OutboxMessage.FIELD,
                        events.registration(e.eventId(), e.sessionId(), RegistrationCancelled.TYPE, e)));
    }

    /** Applies a check-in only if the registration is still CONFIRMED and was not scanned meanwhile. */
    public Optional<Registration> checkIn(Transition<ParticipantCheckedIn> checkedIn) {
        Registration r = checkedIn.registration();
        ParticipantCheckedIn e = checkedIn.event();
        return write(checkedIn, still(checkedIn).and("checkedInAt").is(null),
                new Update().set("checkedInAt", r.checkedInAt()).set("checkedInBy", r.checkedInBy())
                        .push(OutboxMessage.FIELD,
                                events.registration(e.eventId(), e.sessionId(), ParticipantCheckedIn.TYPE, e)));
    }

    /** This registration, still in the status the transition started from. */
    private static Criteria still(Transition<?> transition) {
        return where("_id").is(transition.registration().id()).and("status").is(transition.from());
    }

    /** The new state as stored, or empty when the document no longer matched (someone else was first). */
    private Optional<Registration> write(Transition<?> transition, Criteria filter, Update update) {
        Registration done = mongo.findAndModify(Query.query(filter), update,
                FindAndModifyOptions.options().returnNew(true), Registration.class);
        if (done == null) {
            return Optional.empty();
        }
        relay.signal(Registration.COLLECTION, done.id(), done.outbox());
        return Optional.of(done);
    }

    public Optional<Registration> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Registration.class));
    }

    public Optional<Registration> findActive(String sessionId, String participantId) {
        return Optional.ofNullable(mongo.findOne(
                Query.query(where("activeKey").is(Registration.activeKey(sessionId, participantId))),
                Registration.class));
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
