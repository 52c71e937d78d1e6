package org.eduweek.registration.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.teams.EditionGuard;
import org.eduweek.registration.domain.Registration.Registrant;
import org.eduweek.registration.domain.Registration.Transition;
import org.eduweek.registration.domain.RegistrationRuleException.Kind;
import org.eduweek.registration.domain.RegistrationRuleException.Violation;
import org.eduweek.registration.events.RegistrationCreated;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;

/**
 * Registering and cancelling. The seat is taken first by one atomic conditional update of the session's counter
 * ({@link SeatLedger#take}); then the registration document is inserted with RegistrationCreated in its outbox, in
 * one write. A crash between the two leaves the counter one seat short, never overbooked; {@link SeatReconciler}
 * gives it back from the registrations.
 */
@Service
public class RegistrationService {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final SessionReplica sessions;
    private final Registrations registrations;
    private final SeatLedger ledger;
    private final Profiles profiles;
    private final WaitlistPromoter promoter;
    private final Clock clock;
    private final EditionGuard guard;

    public RegistrationService(SessionReplica sessions, Registrations registrations, SeatLedger ledger,
            Profiles profiles, WaitlistPromoter promoter, Clock clock, EditionGuard guard) {
        this.guard = guard;
        this.sessions = sessions;
        this.registrations = registrations;
        this.ledger = ledger;
        this.profiles = profiles;
        this.promoter = promoter;
        this.clock = clock;
    }

    /**
     * The outcome of a registration request: {@code created} false when the existing one was returned; the session
     * as it was decided on, for the answer.
     */
    public record Registered(Registration registration, boolean created, int waitlistPosition, Session session) {
    }

    /**
     * Round trips for a new participant who gets a seat: profile upsert, seat, registration insert (+ the relay's
     * removal of the two events); the session comes from {@link SessionReplica}'s in-memory copy.
     */
    public Registered register(CurrentUser user, String sessionId, SeatMode requestedMode) {
        Session session = sessions.find(sessionId).filter(s -> s.isPublished() || s.isCancelled())
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
        Profiles.Enrolment enrolment = profiles.enrol(user, sessionId);
        Participant profile = enrolment.profile();
        if (enrolment.listedBefore()) {
            // only then can a registration exist (it is listed before it is stored); a concurrent first request is
            // caught by the unique activeKey below
            Optional<Registration> existing = registrations.findActive(sessionId, user.id());
            if (existing.isPresent()) {
                return existingOne(existing.get(), session);
            }
        }
        SeatMode mode = Registration.admit(session, profile, requestedMode, clock.instant());
        checkNoOverlap(session, profile);

        Instant now = clock.instant();
        String id = "reg-" + UUID.randomUUID();
        Claim claim = claim(session, mode);
        boolean seat = claim.seat();
        Transition<RegistrationCreated> created = seat
                ? Registration.confirmed(id, session, Registrant.of(profile), mode, now)
                : Registration.waitlisted(id, session, Registrant.of(profile), mode, claim.ticket().number(),
                        claim.ticket().position(), now);
        int position = seat ? 0 : claim.ticket().position();
        Registration stored;
        try {
            stored = registrations.insert(created);
        } catch (DuplicateKeyException e) {
            // a concurrent duplicate of this participant won the unique activeKey: give our seat back
            if (seat) {
                ledger.release(sessionId, mode);
                promoter.promote(sessionId, mode);
            } else {
                ledger.leaveWaitlist(sessionId, mode);
            }
            return registrations.findActive(sessionId, user.id()).map(r -> existingOne(r, session))
                    .orElseThrow(() -> new RegistrationRuleException(Kind.CONCURRENT_CHANGE,
                            "A concurrent request changed this registration; retry"));
        }
        // a seat freed between our failed take and our insert was offered to a waitlist that did not contain us
        // yet: try once more now that we are on it (on a full session this is one failed conditional update)
        if (!seat && promoter.promote(sessionId, mode) > 0) {
            Registration latest = registrations.find(id).orElse(stored);
            return new Registered(latest, true, registrations.waitlistPosition(latest), session);
        }
        return new Registered(stored, true, position, session);
    }

    /**
     * A walk-in, registered by an organizer on {@code person}'s behalf for a free seat (in-person first, else online):
     * never onto the waitlist. Profile first (created from {@code person} when they have none), then the seat, then
     * the registration, in the order and with the repair of {@link #register}; an existing registration of theirs
     * for the session is answered as it is, so a retry after a crash finishes instead of duplicating.
     *
     * @throws RegistrationRuleException NO_FREE_SEAT when no seat mode has a free seat (nothing is registered)
     */
    public Registered registerAtDoor(CurrentUser person, String sessionId) {
        Session session = sessions.find(sessionId).filter(s -> s.isPublished() || s.isCancelled())
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
        List<SeatMode> modes = Registration.admitAtDoor(session);
        Profiles.Enrolment enrolment = profiles.enrol(person, sessionId);
        if (enrolment.listedBefore()) {
            Optional<Registration> existing = registrations.findActive(sessionId, person.id());
            if (existing.isPresent()) {
                return existingOne(existing.get(), session);
            }
        }
        for (SeatMode mode : modes) {
            if (!takeSeat(session, mode)) {
                continue;
            }
            Transition<RegistrationCreated> created = Registration.confirmed("reg-" + UUID.randomUUID(), session,
                    Registrant.of(enrolment.profile()), mode, clock.instant());
            try {
                return new Registered(registrations.insert(created), true, 0, session);
            } catch (DuplicateKeyException e) {
                ledger.release(sessionId, mode);
                promoter.promote(sessionId, mode);
                return registrations.findActive(sessionId, person.id()).map(r -> existingOne(r, session))
                        .orElseThrow(() -> new RegistrationRuleException(Kind.CONCURRENT_CHANGE,
                                "A concurrent request changed this registration; retry"));
            }
        }
        throw noFreeSeat(session);
    }

    /** Whether a walk-in could get a seat now (looked at before anything is written or anyone invited). */
    public boolean hasFreeSeat(String sessionId) {
        Session session = sessions.find(sessionId).filter(s -> s.isPublished() || s.isCancelled())
                .orElseThrow(() -> new NotFoundException("Session", sessionId));
        for (SeatMode mode : Registration.admitAtDoor(session)) {
            org.eduweek.registration.store.SeatCounter counter = ledger.find(sessionId, mode);
            if (counter == null || counter.free() > 0 && counter.waiting() <= 0) {
                return true; // no counter yet: takeSeat creates it and decides
            }
        }
        throw noFreeSeat(session);
    }

    private static RegistrationRuleException noFreeSeat(Session session) {
        return new RegistrationRuleException(Kind.NO_FREE_SEAT, "No free seat left in session '"
                + session.title(callerLanguage()) + "'", List.of(new Violation("sessionId", "no free seat")));
    }

    private boolean takeSeat(Session session, SeatMode mode) {
        if (ledger.take(session.id(), mode)) {
            return true;
        }
        // the replica arrived but its counters not yet (a consumer crash between the two): create them, try again
        if (ledger.find(session.id(), mode) != null) {
            return false;
        }
        ledger.sync(sessions.load(session.id()).orElse(session));
        return ledger.take(session.id(), mode);
    }

    /** A seat, or else a waitlist ticket. */
    private record Claim(boolean seat, SeatLedger.WaitTicket ticket) {
    }

    private Claim claim(Session session, SeatMode mode) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (ledger.take(session.id(), mode)) {
                return new Claim(true, null);
            }
            Optional<SeatLedger.WaitTicket> ticket = ledger.joinWaitlist(session.id(), mode);
            if (ticket.isPresent()) {
                return new Claim(false, ticket.get());
            }
            // the replica arrived but its counters not yet (a consumer crash between the two): create them now
            ledger.sync(sessions.load(session.id()).orElse(session));
        }
        throw new IllegalStateException("No seat counter for session " + session.id() + " and mode " + mode);
    }

    private Registered existingOne(Registration r, Session session) {
        return new Registered(r, false, registrations.waitlistPosition(r), session);
    }

    /** No two confirmed sessions at the same time; it needs other registrations, unlike {@link Registration#admit}. */
    private void checkNoOverlap(Session session, Participant profile) {
        for (String otherId : profile.activeSessionIds() == null ? List.<String>of() : profile.activeSessionIds()) {
            if (otherId.equals(session.id())) {
                continue;
            }
            // the session first (in memory): only an overlapping one needs its registration read, and entries may
            // be stale (see Profiles), so the registration decides
            Optional<Session> s = sessions.find(otherId);
            if (s.isEmpty() || !s.get().overlaps(session) || registrations.findActive(otherId, profile.id())
                    .filter(Registration::isConfirmed).isEmpty()) {
                continue;
            }
            Session other = s.get();
            throw new RegistrationRuleException(Kind.OVERLAP, "Overlaps your confirmed session '"
                    + other.title(callerLanguage()) + "' (" + other.id() + ", " + localTime(other, other.start(), true)
                    + " to " + localTime(other, other.end(), false) + ")",
                    List.of(new Violation("sessionId", "overlaps session " + s.get().id())));
        }
    }

    /**
     * The language the caller reads the problem in ({@code Accept-Language}, set for the request by the web layer's
     * locale resolver): the clashing session is named by its title in that language, because the problem's text is
     * translated from its English template but a title is not.
     */
    private static String callerLanguage() {
        return "zh".equals(LocaleContextHolder.getLocale().getLanguage()) ? "zh" : "en";
    }

    /** A time as the session's own clock shows it: "2027-12-04 10:00", the end with its zone ("11:00 Asia/Shanghai"). */
    private static String localTime(Session session, Instant at, boolean withDate) {
        ZoneId zone = session.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(session.timeZone());
        return at.atZone(zone).format(withDate ? DATE_TIME : TIME) + (withDate ? "" : " " + zone.getId());
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
        throw new RegistrationRuleException(Kind.CONCURRENT_CHANGE, "The registration kept changing; retry");
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

    /** {@link Registration#cancel}, stored by compare-and-set on the status it had (empty if it changed meanwhile). */
    Optional<Registration> cancelOne(Registration r, CancelReason reason, String reasonText, String by) {
        return registrations.cancel(r.cancel(reason, reasonText, by, clock.instant()));
    }

    /** A registration the caller may see: their own, or any for staff. Others' are "not found" (no existence leak). */
    /** The edition the session belongs to now (as schedule-service last said), else the one at registration. */
    private String editionOf(Registration r) {
        return sessions.find(r.sessionId()).map(Session::editionId).orElse(r.editionId());
    }

    public Registration visible(CurrentUser user, String registrationId) {
        Registration r = registrations.find(registrationId)
                .orElseThrow(() -> new NotFoundException("Registration", registrationId));
        if (!r.ownedBy(user.id())) {
            if (!user.isStaff()) {
                throw new NotFoundException("Registration", registrationId);
            }
            guard.requireMayActOn(user, editionOf(r));
        }
        return r;
    }
}
