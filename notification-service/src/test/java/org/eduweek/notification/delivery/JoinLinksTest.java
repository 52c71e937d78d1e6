package org.eduweek.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.eduweek.notification.domain.NotificationKind;
import org.eduweek.notification.domain.RegistrationReplica;

class JoinLinksTest {

    private static RegistrationReplica registration(String status) {
        return new RegistrationReplica("r1", "s1", "p1", "iew-2020", status, "ONLINE", null, null, java.util.List.of());
    }

    @Test
    void messagesSentBecauseASeatWasTakenCarryTheLink() {
        assertThat(JoinLinks.shown(NotificationKind.CONFIRMED, null)).isTrue();
        assertThat(JoinLinks.shown(NotificationKind.PROMOTED, null)).isTrue();
        assertThat(JoinLinks.shown(NotificationKind.REMINDER, registration("CONFIRMED"))).isTrue();
    }

    @Test
    void waitlistAndCancellationMessagesNeverCarryTheLink() {
        for (NotificationKind kind : new NotificationKind[] { NotificationKind.WAITLISTED, NotificationKind.CANCELLED,
                NotificationKind.SESSION_CANCELLED }) {
            assertThat(JoinLinks.shown(kind, registration("CONFIRMED"))).as(kind.name()).isFalse();
        }
    }

    @Test
    void changesAndAnnouncementsCarryTheLinkOnlyToAConfirmedRegistrant() {
        for (NotificationKind kind : new NotificationKind[] { NotificationKind.SESSION_CHANGED,
                NotificationKind.ANNOUNCEMENT }) {
            assertThat(JoinLinks.dependOnRegistration(kind)).isTrue();
            assertThat(JoinLinks.shown(kind, registration("CONFIRMED"))).as(kind.name()).isTrue();
            assertThat(JoinLinks.shown(kind, registration("WAITLISTED"))).as(kind.name()).isFalse();
            assertThat(JoinLinks.shown(kind, null)).as(kind.name()).isFalse();
        }
    }
}
