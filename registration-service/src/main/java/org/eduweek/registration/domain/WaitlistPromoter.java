package org.eduweek.registration.domain;

import java.time.Clock;
import java.util.Optional;

import org.springframework.stereotype.Component;

import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;

/**
 * Fills free seats from the waitlist, first come first served. Each round takes a seat from the counter first
 * (the same atomic step as a new registration), then moves the oldest waiting registration to CONFIRMED by
 * compare-and-set on its status, with WaitlistPromoted in its outbox. If that person was just promoted by another
 * instance or cancelled, the next one is tried; if nobody waits, the seat goes back. Runs after every event that can
 * free a seat (cancellation, capacity increase, a waitlist entry racing a cancellation, the reconciler), so a free
 * seat never stays empty while someone waits, with any number of instances.
 */
@Component
public class WaitlistPromoter {

    private static final int CANDIDATES_PER_ROUND = 8;

    private final SeatLedger ledger;
    private final Registrations registrations;
    private final SessionReplica sessions;
    private final Clock clock;

    public WaitlistPromoter(SeatLedger ledger, Registrations registrations, SessionReplica sessions, Clock clock) {
        this.ledger = ledger;
        this.registrations = registrations;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** @return how many people were promoted */
    public int promote(String sessionId, SeatMode mode) {
        int promoted = 0;
        // the seat first: on a full session (the common case under load) this is the only read
        while (ledger.takeForWaitlist(sessionId, mode)) {
            Optional<Session> session = sessions.find(sessionId);
            if (session.isEmpty() || !session.get().isPublished() || !promoteOne(session.get(), mode)) {
                ledger.release(sessionId, mode);
                break;
            }
            promoted++;
        }
        return promoted;
    }

    /** Gives the seat the caller holds to the first waiting person who can take it; false if nobody can. */
    private boolean promoteOne(Session session, SeatMode mode) {
        while (true) {
            var waiting = registrations.waitlist(session.id(), mode, CANDIDATES_PER_ROUND);
            if (waiting.isEmpty()) {
                return false;
            }
            for (Registration candidate : waiting) {
                // the list is a hint read a moment ago (another instance may have promoted or cancelled that
                // person since, and a store may hand back a document changed after it matched): only the
                // compare-and-set below decides, and a candidate no longer waiting is simply passed over
                if (!candidate.isWaitlisted() || clashes(candidate, session)) {
                    continue;
                }
                if (registrations.promote(candidate.promote(clock.instant())).isPresent()) {
                    ledger.leaveWaitlist(session.id(), mode);
                    return true;
                }
            }
            if (waiting.size() < CANDIDATES_PER_ROUND
                    || waiting.stream().allMatch(c -> !c.isWaitlisted() || clashes(c, session))) {
                return false;
            }
        }
    }

    /** A waiting person who meanwhile confirmed an overlapping session keeps their place but is skipped. */
    private boolean clashes(Registration candidate, Session session) {
        for (Registration other : registrations.confirmedOf(candidate.participantId())) {
            if (!other.sessionId().equals(session.id())) {
                Optional<Session> s = sessions.find(other.sessionId());
                if (s.isPresent() && s.get().overlaps(session)) {
                    return true;
                }
            }
        }
        return false;
    }
}
