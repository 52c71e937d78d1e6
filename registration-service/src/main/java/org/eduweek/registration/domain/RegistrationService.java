package org.eduweek.registration.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import org.eduweek.platform.outbox.OutboxMessage;
import org.eduweek.platform.outbox.OutboxRelay;
import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.web.ApiException;
import org.eduweek.platform.web.FieldProblem;

/**
 * Registering and cancelling. The seat is taken first by one atomic conditional update of the session's counter
 * ({@link SeatLedger#take}); then the registration document is inserted with RegistrationCreated in its outbox, in
 * one write. A crash between the two leaves the counter one seat short, never overbooked; {@link SeatReconciler}
 * gives it back from the registrations.
 */
@Service
public class RegistrationService {

    private final SessionReplica sessions;
    private final Registrations registrations;
    private final SeatLedger ledger;
    private final Profiles profiles;
    private final WaitlistPromoter promoter;
    private final RegistrationEvents events;
    private final OutboxRelay relay;
    private final Clock clock;

    public RegistrationService(SessionReplica sessions, Registrations registrations, SeatLedger ledger,
            Profiles profiles, WaitlistPromoter promoter, OutboxEvents outbox, OutboxRelay relay, Clock clock) {
        this.sessions = sessions;
        this.registrations = registrations;
        this.ledger = ledger;
        this.profiles = profiles;
        this.promoter = promoter;
        this.events = new RegistrationEvents(outbox);
        this.relay = relay;
        this.clock = clock;
    }

    /** The outcome of a registration request: {@code created} false when the existing one was returned. */
    public record Registered(Registration registration, boolean created, int waitlistPosition) {
    }

    public Registered register(CurrentUser user, String sessionId, SeatMode requestedMode) {
        Session session = sessions.find(sessionId).filter(s -> s.isPublished() || s.isCancelled())
                .orElseThrow(() -> ApiException.notFound("Session", sessionId));
        Participant profile = profiles.recordFromClaims(user);
        Optional<Registration> existing = registrations.findActive(sessionId, user.id());
        if (existing.isPresent()) {
            return existingOne(existing.get());
        }
        SeatMode mode = seatMode(session, requestedMode);
        checkEligible(session, profile, clock.instant());

        Instant now = clock.instant();
        String id = "reg-" + UUID.randomUUID();
        boolean seat = takeSeat(session, mode);
        SeatLedger.WaitTicket ticket = seat ? null : ledger.joinWaitlist(sessionId, mode);
        Long waitNumber = seat ? null : ticket.number();
        Registration draft = new Registration(id, sessionId, session.editionId(), user.id(), mode,
                seat ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED,
                Registration.activeKey(sessionId, user.id()), waitNumber, now, seat ? now : null, null, null, null,
                null, null, null, profile.audience(), profile.country(), profile.affiliation(), session.sequence(),
                null);
        int position = seat ? 0 : ticket.position();
        List<OutboxMessage> outbox = new ArrayList<>();
        outbox.add(events.created(draft, seat ? null : position, now));
        Registration stored;
        try {
            stored = registrations.insert(withOutbox(draft, outbox));
        } catch (DuplicateKeyException e) {
            // a concurrent duplicate of this participant won the unique activeKey: give our seat back
            if (seat) {
                ledger.release(sessionId, mode);
                promoter.promote(sessionId, mode);
            } else {
                ledger.leaveWaitlist(sessionId, mode);
            }
            return registrations.findActive(sessionId, user.id()).map(this::existingOne)
                    .orElseThrow(() -> ApiException.conflict("A concurrent request changed this registration; retry",
                            List.of()));
        }
        relay.signal(Registration.COLLECTION, stored.id());
        profiles.addActiveSession(user.id(), sessionId);
        if (!seat && promoter.promote(sessionId, mode) > 0) {
            // a seat was freed while we joined the waitlist: we may be the one who got it
            Registration now2 = registrations.find(id).orElse(stored);
            return new Registered(now2, true, registrations.waitlistPosition(now2));
        }
        return new Registered(stored, true, position);
    }

    private boolean takeSeat(Session session, SeatMode mode) {
        if (ledger.take(session.id(), mode)) {
            return true;
        }
        if (ledger.find(session.id(), mode) == null) {
            // the replica arrived but its counters not yet (a consumer crash between the two): create them now
            ledger.sync(session);
            return ledger.take(session.id(), mode);
        }
        return false;
    }

    private Registered existingOne(Registration r) {
        return new Registered(r, false, registrations.waitlistPosition(r));
    }

    private static SeatMode seatMode(Session session, SeatMode requested) {
        if (requested == null) {
            return session.defaultSeatMode();
        }
        if (!session.seatModes().contains(requested)) {
            throw ApiException.badField("seatMode", "this session offers only " + session.seatModes());
        }
        return requested;
    }

    private void checkEligible(Session session, Participant profile, Instant now) {
        if (session.isCancelled()) {
            throw ApiException.conflict("Session '" + session.id() + "' was cancelled", List.of());
        }
        if (session.hasStarted(now)) {
            throw ApiException.conflict("Session '" + session.displayTitle() + "' has already started",
                    List.of(new FieldProblem("sessionId", "session has started")));
        }
        if (!session.admits(profile.audience())) {
            throw ApiException.conflict("Session '" + session.displayTitle() + "' is only for " + session.audience()
                    + "; your profile's audience is " + (profile.audience() == null ? "not set" : profile.audience()),
                    List.of(new FieldProblem("audience", "must be one of " + session.audience())));
        }
        if (session.level() != null && profile.level() != null && !session.level().equalsIgnoreCase(profile.level())) {
            throw ApiException.conflict("Session '" + session.displayTitle() + "' is for level " + session.level(),
                    List.of(new FieldProblem("level", "must be " + session.level())));
        }
        for (String otherId : profile.activeSessionIds() == null ? List.<String>of() : profile.activeSessionIds()) {
            if (otherId.equals(session.id()) || registrations.findActive(otherId, profile.id())
                    .filter(Registration::isConfirmed).isEmpty()) {
                continue;
            }
            Optional<Session> s = sessions.find(otherId);
            if (s.isPresent() && !s.get().id().equals(session.id()) && s.get().overlaps(session)) {
                throw ApiException.conflict("Overlaps your confirmed session '" + s.get().displayTitle() + "' ("
                        + s.get().id() + ", " + s.get().start() + " to " + s.get().end() + ")",
                        List.of(new FieldProblem("sessionId", "overlaps session " + s.get().id())));
            }
        }
    }

    /**
     * Cancels a registration (idempotent: an already cancelled one is returned as it is). A participant may cancel
     * only their own (someone else's is "not found"); organizers and admins any, with reason ORGANIZER.
     */
    public Registration cancel(CurrentUser user, String registrationId, String reasonText) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Registration r = visible(user, registrationId);
            if (r.isCancelled()) {
                return r;
            }
            CancelReason reason = r.ownedBy(user.id()) ? CancelReason.PARTICIPANT : CancelReason.ORGANIZER;
            Optional<Registration> done = cancelOne(r, reason, reasonText, user.id());
            if (done.isPresent()) {
                freeUp(r, true);
                return done.get();
            }
        }
        throw new ApiException(HttpStatus.CONFLICT, "conflict", "The registration kept changing; retry");
    }

    /** After a cancellation: the seat or the waitlist place goes back, and (if asked) the waitlist moves up. */
    void freeUp(Registration was, boolean promote) {
        if (was.isConfirmed()) {
            ledger.release(was.sessionId(), was.seatMode());
            if (promote) {
                promoter.promote(was.sessionId(), was.seatMode());
            }
        } else if (was.isWaitlisted()) {
            ledger.leaveWaitlist(was.sessionId(), was.seatMode());
        }
        profiles.removeActiveSession(was.participantId(), was.sessionId());
    }

    /** Compare-and-set from its current status to CANCELLED with RegistrationCancelled in the same write. */
    Optional<Registration> cancelOne(Registration r, CancelReason reason, String reasonText, String by) {
        Instant now = clock.instant();
        OutboxMessage event = events.cancelled(r, r.status(), reason, reasonText, by, now);
        Optional<Registration> done = registrations.transition(r.id(), r.status(), new Update()
                .set("status", RegistrationStatus.CANCELLED).unset("activeKey").set("cancelledAt", now)
                .set("cancelReason", reason).set("cancelReasonText", reasonText).set("cancelledBy", by)
                .push(OutboxMessage.FIELD, event));
        done.ifPresent(d -> relay.signal(Registration.COLLECTION, d.id()));
        return done;
    }

    /** A registration the caller may see: their own, or any for staff. Others' are "not found" (no existence leak). */
    public Registration visible(CurrentUser user, String registrationId) {
        Registration r = registrations.find(registrationId)
                .orElseThrow(() -> ApiException.notFound("Registration", registrationId));
        if (!r.ownedBy(user.id()) && !user.isStaff()) {
            throw ApiException.notFound("Registration", registrationId);
        }
        return r;
    }

    private static Registration withOutbox(Registration r, List<OutboxMessage> outbox) {
        return new Registration(r.id(), r.sessionId(), r.editionId(), r.participantId(), r.seatMode(), r.status(),
                r.activeKey(), r.waitNumber(), r.createdAt(), r.confirmedAt(), r.cancelledAt(), r.cancelReason(),
                r.cancelReasonText(), r.cancelledBy(), r.checkedInAt(), r.checkedInBy(), r.audience(), r.country(),
                r.affiliation(), r.sessionSequence(), outbox);
    }
}
