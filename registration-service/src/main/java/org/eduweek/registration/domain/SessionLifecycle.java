package org.eduweek.registration.domain;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;

/**
 * Applies a session event from the schedule: replica first (guarded by sequence), then the follow-ups, which are
 * derived from the stored replica rather than from "was this event new", so a redelivery after a crash finishes
 * whatever the first delivery left undone: counters synced to the capacity, the waitlist promoted into new seats,
 * or every registration of a cancelled session cancelled with reason SESSION_CANCELLED.
 */
@Service
public class SessionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

    private final SessionReplica sessions;
    private final SeatLedger ledger;
    private final WaitlistPromoter promoter;
    private final Registrations registrations;
    private final RegistrationService registrationService;

    public SessionLifecycle(SessionReplica sessions, SeatLedger ledger, WaitlistPromoter promoter,
            Registrations registrations, RegistrationService registrationService) {
        this.sessions = sessions;
        this.ledger = ledger;
        this.promoter = promoter;
        this.registrations = registrations;
        this.registrationService = registrationService;
    }

    public void apply(Session incoming) {
        // counters before the replica: a registration can only see a session whose counters exist
        Session current = sessions.load(incoming.id()).orElse(null);
        Session latest = current != null && current.sequence() >= incoming.sequence() ? current : incoming;
        ledger.sync(latest);
        sessions.apply(incoming);
        latest = sessions.load(incoming.id()).orElse(incoming);
        ledger.sync(latest);
        if (latest.isCancelled()) {
            cancelAll(latest);
        } else if (latest.isPublished()) {
            for (SeatMode mode : latest.seatModes()) {
                int promoted = promoter.promote(latest.id(), mode);
                if (promoted > 0) {
                    log.info("Promoted {} from the {} waitlist of session {}", promoted, mode, latest.id());
                }
            }
        }
    }

    /** Cancels every live registration of a cancelled session; also the reconciler's repair of late arrivals. */
    void cancelAll(Session session) {
        for (RegistrationStatus status : new RegistrationStatus[] { RegistrationStatus.WAITLISTED,
                RegistrationStatus.CONFIRMED }) {
            for (Registration r : registrations.ofSession(session.id(), status)) {
                registrationService.cancelOne(r, CancelReason.SESSION_CANCELLED, session.reason(), null)
                        .ifPresent(done -> registrationService.freeUp(r, false));
            }
        }
    }
}
