package org.eduweek.registration.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import org.eduweek.registration.config.RegistrationProperties;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatCounter;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;

/**
 * Repairs seat counters from the registrations, which are the truth. Taking a seat and storing the registration are
 * two writes (no multi-document transactions here); a crash between them, or between a cancellation and the release
 * of its seat, leaves a counter with fewer free seats than it should have — never more, so never an overbooking.
 * Once a counter has been quiet for the grace period (no request can still be between its two writes), its
 * {@code free} is recomputed as capacity minus confirmed registrations, by compare-and-set on its version, so a
 * request that arrives meanwhile wins and the repair waits for the next round. Then the waitlist is promoted into
 * any recovered seat. Counters already verified at their current version are skipped.
 * <p>
 * It also finishes session cancellations: a registration that got in while its session was being cancelled (an
 * instance still had the session as published in its short-lived copy, or a request was between its checks and its
 * insert while the cancellation ran) moved the counter, so the counter's next visit finds it and cancels it with
 * reason SESSION_CANCELLED, like the others.
 */
@Component
public class SeatReconciler {

    private static final Logger log = LoggerFactory.getLogger(SeatReconciler.class);

    private final SeatLedger ledger;
    private final Registrations registrations;
    private final WaitlistPromoter promoter;
    private final SessionReplica sessions;
    private final SessionLifecycle lifecycle;
    private final RegistrationProperties props;
    private final Clock clock;

    public SeatReconciler(SeatLedger ledger, Registrations registrations, WaitlistPromoter promoter,
            SessionReplica sessions, SessionLifecycle lifecycle, RegistrationProperties props, Clock clock) {
        this.ledger = ledger;
        this.registrations = registrations;
        this.promoter = promoter;
        this.sessions = sessions;
        this.lifecycle = lifecycle;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${eduweek.registration.reconcile-interval:15s}",
            fixedDelayString = "${eduweek.registration.reconcile-interval:15s}")
    public void scheduled() {
        try {
            reconcileAll();
        } catch (RuntimeException e) {
            log.warn("Seat reconciliation failed; the next round retries: {}", e.toString());
        }
    }

    /** @return how many counters were repaired */
    public int reconcileAll() {
        int repaired = 0;
        Instant quietSince = clock.instant().minus(props.reconcileGrace());
        for (SeatCounter counter : ledger.all()) {
            boolean looked = counter.version() != counter.verifiedVersion() && counter.updatedAt().isBefore(quietSince);
            if (looked) {
                Optional<Session> session = sessions.load(counter.sessionId());
                if (session.isPresent() && session.get().isCancelled()) {
                    lifecycle.cancelAll(session.get());
                }
                long confirmed = registrations.countConfirmed(counter.sessionId(), counter.seatMode());
                long waiting = registrations.countWaiting(counter.sessionId(), counter.seatMode());
                if (counter.capacity() - confirmed != counter.free() || waiting != counter.waiting()) {
                    if (ledger.repair(counter, confirmed, waiting)) {
                        repaired++;
                        log.warn("Repaired seat counter {}: free {} -> {}, waiting {} -> {} ({} confirmed of {})",
                                counter.id(), counter.free(), counter.capacity() - confirmed, counter.waiting(),
                                waiting, confirmed, counter.capacity());
                    }
                } else {
                    ledger.markVerified(counter);
                }
            }
            // the round's own read is current unless this round changed the counter (one read per counter, not two)
            SeatCounter now = looked ? ledger.find(counter.sessionId(), counter.seatMode()) : counter;
            if (now != null && now.free() > 0 && now.waiting() > 0) {
                promoter.promote(counter.sessionId(), counter.seatMode());
            }
        }
        return repaired;
    }
}
