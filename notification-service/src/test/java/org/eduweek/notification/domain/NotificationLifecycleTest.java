package org.eduweek.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.eduweek.notification.events.NotificationFailed;
import org.eduweek.notification.events.NotificationSent;

class NotificationLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private static Notification planned(Instant due) {
        return Notification.plan("ntf-1", Notification.key("reg-1", NotificationKind.CONFIRMED, null, 1,
                Channel.EMAIL), "p-1", "reg-1", "ses-1", "iew", Channel.EMAIL, NotificationKind.CONFIRMED, null, 1,
                due, NOW);
    }

    private static Notification claimed() {
        return planned(NOW).claim("me", NOW, LEASE).orElseThrow().after();
    }

    @Test
    void aPlanIsClaimedOnlyOnceItIsDueAndAgainOnlyWhenItsLeaseRanOut() {
        assertThat(planned(NOW.plusSeconds(1)).claim("me", NOW, LEASE)).isEmpty();
        Notification c = claimed();
        assertThat(c.state()).isEqualTo(NotificationState.SENDING);
        assertThat(c.owner()).isEqualTo("me");
        assertThat(c.leaseUntil()).isEqualTo(NOW.plus(LEASE));
        assertThat(c.claims()).isEqualTo(1);
        assertThat(c.version()).isEqualTo(1);
        assertThat(c.token()).isEqualTo("ntf-1#1");
        assertThat(c.claim("other", NOW.plus(LEASE), LEASE)).isEmpty();
        Notification taken = c.claim("other", NOW.plus(LEASE).plusMillis(1), LEASE).orElseThrow().after();
        assertThat(taken.owner()).isEqualTo("other");
        assertThat(taken.claims()).isEqualTo(2);
    }

    @Test
    void sendingEndsInSentWithItsEventCountingTheAttempt() {
        Notification.Transition t = claimed().sent("smtp-1", "zh", "确认", NOW);
        assertThat(t.after().state()).isEqualTo(NotificationState.SENT);
        assertThat(t.after().attempts()).isEqualTo(1);
        assertThat(t.after().leaseUntil()).isNull();
        assertThat(t.after().subject()).isEqualTo("确认");
        assertThat(t.before().token()).isEqualTo("ntf-1#1");
        assertThat(t.after().token()).isEqualTo("ntf-1#2");
        assertThat(t.event()).get().isInstanceOfSatisfying(NotificationSent.class, e -> {
            assertThat(e.attempts()).isEqualTo(1);
            assertThat(e.dedupeKey()).isEqualTo("reg-1:CONFIRMED:1:EMAIL");
        });
    }

    @Test
    void failuresRetriesAndQuietHoursEachLeaveTheirState() {
        Notification.Transition failed = claimed().failed("550 no such user", NOW);
        assertThat(failed.after().state()).isEqualTo(NotificationState.FAILED);
        assertThat(failed.event()).get().isInstanceOf(NotificationFailed.class);

        Notification retry = claimed().retryLater("timeout", NOW.plusSeconds(30)).after();
        assertThat(retry.state()).isEqualTo(NotificationState.PLANNED);
        assertThat(retry.attempts()).isEqualTo(1);
        assertThat(retry.owner()).isNull();
        assertThat(retry.dueAt()).isEqualTo(NOW.plusSeconds(30));

        Notification deferred = claimed().deferred(NOW.plusSeconds(3600), "quiet hours").after();
        assertThat(deferred.attempts()).isZero();
        assertThat(deferred.state()).isEqualTo(NotificationState.PLANNED);
    }

    @Test
    void parkedMessagesAreReleasedToBePlannedAgain() {
        Notification waiting = claimed().settled(NotificationState.WAITING, "no contact yet").after();
        assertThat(waiting.owner()).isNull();
        Notification released = waiting.released().after();
        assertThat(released.state()).isEqualTo(NotificationState.PLANNED);
        assertThat(released.claim("me", NOW, LEASE)).isPresent();
    }

    @Test
    void illegalTransitionsAreRefused() {
        Notification plan = planned(NOW);
        assertThatThrownBy(() -> plan.sent("x", "en", "s", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> plan.failed("x", NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(plan::released).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> plan.replanned(NOW)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> claimed().settled(NotificationState.SENT, "no"))
                .isInstanceOf(IllegalArgumentException.class);
        Notification sent = claimed().sent("x", "en", "s", NOW).after();
        assertThatThrownBy(() -> sent.dropped("late")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sent.sent("y", "en", "s", NOW)).isInstanceOf(IllegalStateException.class);
        Notification dropped = plan.dropped("cancelled").after();
        assertThat(dropped.replanned(NOW.plusSeconds(5)).after().state()).isEqualTo(NotificationState.PLANNED);
    }
}
