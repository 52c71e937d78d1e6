package org.eduweek.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.eduweek.notification.config.NotificationProperties;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.store.RegistrationStore;
import org.eduweek.notification.store.SessionStore;

/** The registration hot path: which reads and writes it makes, and when it falls back to the general path. */
class TriggersTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");

    private final NotificationStore store = mock(NotificationStore.class);
    private final ReminderPlanner planner = mock(ReminderPlanner.class);
    private final RegistrationStore registrations = mock(RegistrationStore.class);
    private final SessionStore sessions = mock(SessionStore.class);
    private final DeliverySignal signal = mock(DeliverySignal.class);
    private final Triggers triggers = new Triggers(store, planner, registrations, sessions,
            new NotificationProperties(null, null, null, null, null), signal, Clock.fixed(NOW, ZoneOffset.UTC));

    private final RegistrationReplica reg = new RegistrationReplica("reg-1", "ses-1", "p-1", "iew", "CONFIRMED",
            "IN_PERSON", null, NOW);
    private final SessionReplica session = new SessionReplica("ses-1", "iew", "act", "Fair", "展", NOW.plus(
            Duration.ofDays(3)), NOW.plus(Duration.ofDays(3)).plusSeconds(3600), "Asia/Shanghai", "OFFLINE", "Hall",
            null, "PUBLISHED", 1);

    private Notification reminder(Channel channel) {
        return Notification.plan("ntf-" + channel, Notification.key("reg-1", NotificationKind.REMINDER, "PT1H", 1,
                channel), "p-1", "reg-1", "ses-1", "iew", channel, NotificationKind.REMINDER, "PT1H", 1,
                NOW.plus(Duration.ofDays(2)), NOW);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewRegistrationIsStoredWithTwoWritesAndItsMessagesAreHinted() {
        List<Notification> plans = List.of(reminder(Channel.EMAIL), reminder(Channel.SMS));
        when(sessions.find("ses-1", 1L)).thenReturn(Optional.of(session));
        when(planner.plansFor(reg, session, NOW, NOW)).thenReturn(plans);
        when(store.insertAll(anyList())).thenAnswer(call -> call.getArgument(0));
        when(sessions.stored("ses-1")).thenReturn(Optional.of(session));

        triggers.registrationCreated(reg, 1L, NOW);

        verify(registrations).created(reg, plans.stream().map(Notification::dedupeKey).toList());
        ArgumentCaptor<List<Notification>> inserted = ArgumentCaptor.forClass(List.class);
        verify(store).insertAll(inserted.capture());
        assertThat(inserted.getValue()).extracting(Notification::kind).containsExactlyInAnyOrder(
                NotificationKind.CONFIRMED, NotificationKind.CONFIRMED, NotificationKind.REMINDER,
                NotificationKind.REMINDER);
        verify(signal, times(2)).hint(any());
        verify(store, never()).insertIfAbsent(any());
        verify(planner, never()).plan(any(), any(), any(), any());
    }

    @Test
    void plansRemindersWhenTheSessionIsStoredWhileTheRegistrationIs() {
        // nothing known of the session when the event is handled; its consumer stores it before ours is visible
        when(sessions.find("ses-1", 1L)).thenReturn(Optional.empty());
        sessionStoredWithTheRegistration(session);

        triggers.registrationCreated(reg, 1L, NOW);

        verify(planner).plan(reg, session, NOW, NOW);
    }

    @Test
    void plansAgainWhenTheSessionMovedWhileTheRegistrationWasStored() {
        SessionReplica moved = new SessionReplica("ses-1", "iew", "act", "Fair", "展",
                session.start().plus(Duration.ofDays(1)), session.end().plus(Duration.ofDays(1)), "Asia/Shanghai",
                "OFFLINE", "Hall", null, "PUBLISHED", 2);
        when(sessions.find("ses-1", 1L)).thenReturn(Optional.of(session));
        when(planner.plansFor(reg, session, NOW, NOW)).thenReturn(List.of(reminder(Channel.EMAIL)));
        sessionStoredWithTheRegistration(moved);

        triggers.registrationCreated(reg, 1L, NOW);

        verify(planner).plan(reg, moved, NOW, NOW);
    }

    /** The plans are stored, and the session as it is once the registration is stored: {@code stored}. */
    private void sessionStoredWithTheRegistration(SessionReplica stored) {
        when(store.insertAll(anyList())).thenAnswer(call -> call.getArgument(0));
        when(sessions.stored("ses-1")).thenReturn(Optional.of(stored));
        when(sessions.find("ses-1")).thenReturn(Optional.of(stored));
        when(registrations.find("reg-1")).thenReturn(Optional.of(reg));
    }

    @Test
    void aRegistrationSeenBeforeTakesTheGeneralPath() {
        when(sessions.find("ses-1", 1L)).thenReturn(Optional.of(session));
        when(planner.plansFor(reg, session, NOW, NOW)).thenReturn(List.of());
        when(registrations.created(eq(reg), anyList())).thenReturn(reg);
        when(sessions.find("ses-1")).thenReturn(Optional.of(session));
        when(registrations.find("reg-1")).thenReturn(Optional.of(reg));

        triggers.registrationCreated(reg, 1L, NOW);

        verify(store, times(2)).insertIfAbsent(any());
        verify(store, never()).insertAll(anyList());
        verify(planner).plan(reg, session, NOW, NOW);
    }
}
