package org.eduweek.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.Registration.Registrant;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;

/**
 * The waitlist the promoter reads is a hint: between the read and the promotion another instance may have promoted
 * the head of the list. Such a candidate is passed over and the seat goes to the next person waiting, instead of the
 * promotion failing with "not waitlisted" (which left the seat to the reconciler).
 */
class WaitlistPromoterTest {

    private static final Instant BOOKED = Instant.parse("2030-01-01T00:00:00Z");
    private static final Session SESSION = new Session("s1", "iew-2020", 4, Map.of("en", "Study in Europe"),
            Instant.parse("2030-01-01T01:00:00Z"), Instant.parse("2030-01-01T02:00:00Z"), "Asia/Shanghai", "OFFLINE",
            10, 0, List.of(), null, "PUBLISHED", null, null);

    private final SeatLedger ledger = mock(SeatLedger.class);
    private final Registrations registrations = mock(Registrations.class);
    private final SessionReplica sessions = mock(SessionReplica.class);
    private final WaitlistPromoter promoter = new WaitlistPromoter(ledger, registrations, sessions,
            Clock.fixed(BOOKED.plusSeconds(60), ZoneOffset.UTC));

    private static Registration waiting(String id, String who, int number) {
        return Registration.waitlisted(id, SESSION, new Registrant(who, "STUDENT", "CN", "BJUT"), SeatMode.IN_PERSON,
                number, number, BOOKED).registration();
    }

    @Test
    void aCandidateAlreadyPromotedByAnotherInstanceIsPassedOverForTheNextOneWaiting() {
        Registration first = waiting("r1", "alice", 1);
        Registration alreadyPromoted = first.promote(BOOKED.plusSeconds(30)).registration();
        Registration second = waiting("r2", "bob", 2);
        when(sessions.find("s1")).thenReturn(Optional.of(SESSION));
        when(ledger.takeForWaitlist("s1", SeatMode.IN_PERSON)).thenReturn(true, false);
        when(registrations.waitlist("s1", SeatMode.IN_PERSON, 8)).thenReturn(List.of(alreadyPromoted, second));
        when(registrations.confirmedOf(any())).thenReturn(List.of());
        when(registrations.promote(any())).thenAnswer(call -> Optional.of(
                ((Registration.Transition<?>) call.getArgument(0)).registration()));

        assertThat(promoter.promote("s1", SeatMode.IN_PERSON)).isEqualTo(1);

        verify(registrations).promote(argThat(t -> t.registration().id().equals("r2")));
        verify(registrations, never()).promote(argThat(t -> t.registration().id().equals("r1")));
        verify(ledger).leaveWaitlist("s1", SeatMode.IN_PERSON);
        verify(ledger, never()).release("s1", SeatMode.IN_PERSON);
    }
}
