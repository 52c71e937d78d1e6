package org.eduweek.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import org.eduweek.platform.security.CurrentUser;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.TopicProbe;

class SessionLifecycleIT extends IntegrationTest {

    @Autowired
    RegistrationService service;
    @Autowired
    Registrations registrations;
    @Autowired
    SeatLedger ledger;

    private Registration register(Session s) {
        return service.register(new CurrentUser(unique("p"), "P", null, null, "en", Set.of("PARTICIPANT")), s.id(),
                null).registration();
    }

    @Test
    void capacityIncreasePromotesTheWaitlistAtOnce() {
        Session s = publishSession(1);
        register(s);
        Registration w1 = register(s);
        Registration w2 = register(s);
        Registration w3 = register(s);
        publish(with(s, 2, 3, 0, "PUBLISHED", List.of()));
        assertThat(registrations.find(w1.id()).get().isConfirmed()).isTrue();
        assertThat(registrations.find(w2.id()).get().isConfirmed()).isTrue();
        assertThat(registrations.find(w3.id()).get().isWaitlisted()).isTrue();
        assertThat(registrations.waitlistPosition(registrations.find(w3.id()).get())).isEqualTo(1);
        TopicProbe.await("registration.events.v1", r -> r.value().contains(w2.id())
                && "WaitlistPromoted".equals(TopicProbe.header(r, "eventType")));
    }

    @Test
    void capacityDecreaseBumpsNobodyAndRefillsOnlyBelowTheNewCapacity() {
        Session s = publishSession(3);
        Registration a = register(s);
        register(s);
        register(s);
        Registration waiting = register(s);
        publish(with(s, 2, 1, 0, "PUBLISHED", List.of()));
        assertThat(registrations.countConfirmed(s.id(), SeatMode.IN_PERSON)).isEqualTo(3);
        assertThat(ledger.find(s.id(), SeatMode.IN_PERSON).free()).isEqualTo(-2);
        // one cancellation: 2 confirmed, still above the new capacity of 1 -> nobody promoted
        service.cancel(new CurrentUser(a.participantId(), null, null, null, null, Set.of("PARTICIPANT")), a.id(),
                null);
        assertThat(registrations.find(waiting.id()).get().isWaitlisted()).isTrue();
        assertThat(register(s).isWaitlisted()).isTrue();
        // an older event arriving late changes nothing
        publish(with(s, 1, 3, 0, "PUBLISHED", List.of()));
        assertThat(ledger.find(s.id(), SeatMode.IN_PERSON).capacity()).isEqualTo(1);
    }

    @Test
    void cancelledSessionCancelsEveryRegistrationWithItsReason() {
        Session s = publishSession(1);
        Registration confirmed = register(s);
        Registration waiting = register(s);
        publish(with(s, 2, 1, 0, "CANCELLED", List.of()));
        // a redelivery is harmless
        publish(with(s, 2, 1, 0, "CANCELLED", List.of()));
        for (Registration r : List.of(confirmed, waiting)) {
            Registration after = registrations.find(r.id()).get();
            assertThat(after.isCancelled()).isTrue();
            assertThat(after.cancelReason()).isEqualTo(CancelReason.SESSION_CANCELLED);
        }
        var events = TopicProbe.awaitAll("registration.events.v1", r -> r.key().equals(s.id())
                && "RegistrationCancelled".equals(TopicProbe.header(r, "eventType")), 2);
        assertThat(events).allSatisfy(e -> assertThat(e.value()).contains("\"reason\":\"SESSION_CANCELLED\"")
                .contains("\"reasonText\":\"Weather\""));
    }
}
