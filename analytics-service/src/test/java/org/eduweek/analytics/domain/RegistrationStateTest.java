package org.eduweek.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class RegistrationStateTest {

    private static final Instant T1 = Instant.parse("2020-10-16T08:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);
    private static final Instant T3 = T1.plusSeconds(120);

    private static RegistrationFact fact(RegistrationFact.Kind kind, Instant at, String status) {
        return new RegistrationFact(kind, "r1", "s1", "e1", "p-x", at, status, "IN_PERSON", "STUDENT", "CN", "BJUT");
    }

    private static RegistrationState apply(RegistrationFact... facts) {
        RegistrationState s = RegistrationState.empty("r1");
        for (RegistrationFact f : facts) {
            s = s.merge(f);
        }
        return s;
    }

    @Test
    void promotionArrivingBeforeItsCreationStillEndsConfirmed() {
        RegistrationFact created = fact(RegistrationFact.Kind.CREATED, T1, "WAITLISTED");
        RegistrationFact promoted = fact(RegistrationFact.Kind.PROMOTED, T2, null);
        assertThat(apply(promoted, created).status()).isEqualTo("CONFIRMED");
        assertThat(apply(promoted, created)).isEqualTo(apply(created, promoted));
        assertThat(apply(created).status()).isEqualTo("WAITLISTED");
    }

    @Test
    void aRedeliveredEventChangesNothing() {
        RegistrationFact created = fact(RegistrationFact.Kind.CREATED, T1, "CONFIRMED");
        RegistrationState once = apply(created);
        assertThat(once.merge(created)).isEqualTo(once);
    }

    @Test
    void theLatestEventDecidesWhateverTheArrivalOrder() {
        RegistrationFact created = fact(RegistrationFact.Kind.CREATED, T1, "CONFIRMED");
        RegistrationFact cancelled = fact(RegistrationFact.Kind.CANCELLED, T3, null);
        RegistrationFact checkedIn = fact(RegistrationFact.Kind.CHECKED_IN, T2, null);
        assertThat(apply(cancelled, checkedIn, created).status()).isEqualTo("CANCELLED");
        assertThat(apply(cancelled, checkedIn, created).checkedIn()).isFalse();
        assertThat(apply(created, checkedIn).checkedIn()).isTrue();
    }

    @Test
    void cancellationWinsATieWithPromotion() {
        RegistrationFact promoted = fact(RegistrationFact.Kind.PROMOTED, T2, null);
        RegistrationFact cancelled = fact(RegistrationFact.Kind.CANCELLED, T2, null);
        assertThat(apply(promoted, cancelled).status()).isEqualTo("CANCELLED");
        assertThat(apply(cancelled, promoted).status()).isEqualTo("CANCELLED");
    }

    @Test
    void aCheckInAloneMeansAConfirmedSeat() {
        RegistrationState s = apply(fact(RegistrationFact.Kind.CHECKED_IN, T2, null));
        assertThat(s.status()).isEqualTo("CONFIRMED");
        assertThat(s.checkedIn()).isTrue();
    }
}
