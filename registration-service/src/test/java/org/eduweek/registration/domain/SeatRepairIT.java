package org.eduweek.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.eduweek.platform.outbox.OutboxRelay;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.registration.store.OutboxEvents;
import org.eduweek.registration.store.ProfileStore;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatCounter;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;
import org.eduweek.registration.support.IntegrationTest;

/** A crash between "seat taken" and "registration stored" (or "cancelled" and "seat released") is repaired. */
class SeatRepairIT extends IntegrationTest {

    @Autowired
    SeatLedger ledger;
    @Autowired
    SeatReconciler reconciler;
    @Autowired
    RegistrationService service;
    @Autowired
    Registrations registrations;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxEvents outboxEvents;
    @Autowired
    OutboxRelay relay;

    private static CurrentUser user(String id) {
        return new CurrentUser(id, id, null, null, "en", Set.of("PARTICIPANT"));
    }

    @Test
    void leakedSeatIsGivenBackToTheWaitlistAfterTheGracePeriod() {
        Session s = publishSession(2);
        service.register(user(unique("a")), s.id(), null);
        // the process "crashed" right after taking the last seat: no registration holds it
        assertThat(ledger.take(s.id(), SeatMode.IN_PERSON)).isTrue();
        Registration waiting = service.register(user(unique("b")), s.id(), null).registration();
        assertThat(waiting.isWaitlisted()).isTrue();

        reconciler.reconcileAll();
        assertThat(registrations.find(waiting.id()).get().isWaitlisted())
                .as("within the grace period an in-flight request may still store its registration").isTrue();

        clock.advance(Duration.ofMinutes(2));
        reconciler.reconcileAll();
        assertThat(registrations.find(waiting.id()).get().isConfirmed()).isTrue();
        assertThat(ledger.find(s.id(), SeatMode.IN_PERSON).free()).isZero();
        assertThat(registrations.countConfirmed(s.id(), SeatMode.IN_PERSON)).isEqualTo(2);
    }

    @Test
    void seatNotReleasedAfterACancellationIsRecovered() {
        Session s = publishSession(1);
        CurrentUser a = user(unique("a"));
        Registration confirmed = service.register(a, s.id(), null).registration();
        // cancel written, then a "crash" before the counter release
        service.cancelOne(confirmed, CancelReason.PARTICIPANT, null, a.id());
        assertThat(ledger.find(s.id(), SeatMode.IN_PERSON).free()).isZero();
        clock.advance(Duration.ofMinutes(2));
        assertThat(reconciler.reconcileAll()).isEqualTo(1);
        assertThat(ledger.find(s.id(), SeatMode.IN_PERSON).free()).isEqualTo(1);
        assertThat(service.register(user(unique("c")), s.id(), null).registration().isConfirmed()).isTrue();
    }

    @Test
    void registrationThatSlipsIntoASessionBeingCancelledIsCancelledByTheRepair() {
        Session s = publishSession(3);
        // another instance, which still has the session as published in its in-memory copy
        RegistrationService other = instanceRememberingSessions(Duration.ofHours(1));
        other.register(user(unique("a")), s.id(), null);
        publish(with(s, 2, 3, 0, "CANCELLED", List.of()));
        Registration slipped = other.register(user(unique("b")), s.id(), null).registration();
        assertThat(slipped.isConfirmed()).as("decided on the remembered copy").isTrue();

        clock.advance(Duration.ofMinutes(2));
        reconciler.reconcileAll();

        Registration after = registrations.find(slipped.id()).get();
        assertThat(after.isCancelled()).isTrue();
        assertThat(after.cancelReason()).isEqualTo(CancelReason.SESSION_CANCELLED);
        assertThat(registrations.countConfirmed(s.id(), SeatMode.IN_PERSON)).isZero();
    }

    private RegistrationService instanceRememberingSessions(Duration ttl) {
        SessionReplica sessions = new SessionReplica(mongo, ttl);
        Registrations regs = new Registrations(mongo, outboxEvents, relay);
        SeatLedger seats = new SeatLedger(mongo, clock);
        WaitlistPromoter promoter = new WaitlistPromoter(seats, regs, sessions, clock);
        Profiles profiles = new Profiles(new ProfileStore(mongo, outboxEvents, relay), clock);
        return new RegistrationService(sessions, regs, seats, profiles, promoter, clock,
                new org.eduweek.platform.teams.EditionGuard(editionId -> java.util.Optional.empty()));
    }

    @Test
    void aConsistentCounterIsLeftAlone() {
        Session s = publishSession(3);
        service.register(user(unique("a")), s.id(), null);
        clock.advance(Duration.ofMinutes(2));
        reconciler.reconcileAll();
        SeatCounter counter = ledger.find(s.id(), SeatMode.IN_PERSON);
        assertThat(counter.free()).isEqualTo(2);
        assertThat(counter.verifiedVersion()).isEqualTo(counter.version());
    }
}
