package org.eduweek.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.after;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.eduweek.notification.config.NotificationProperties;
import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationKind;
import org.eduweek.notification.store.NotificationStore;

class DispatcherTest {

    private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(60);

    private final NotificationStore store = mock(NotificationStore.class);
    private final Delivery delivery = mock(Delivery.class);
    /** Polls once an hour: only a signal can make anything happen within the test. */
    private final Dispatcher dispatcher = new Dispatcher(store, delivery, new NotificationProperties(null, null,
            new NotificationProperties.Delivery(true, 1, 1, LEASE, Duration.ofHours(1), 5, null, null, null), null, null),
            Clock.fixed(NOW, ZoneOffset.UTC));

    private final List<Dispatcher> others = new ArrayList<>();

    @AfterEach
    void stop() {
        dispatcher.stop();
        others.forEach(Dispatcher::stop);
    }

    /** Like {@link #dispatcher}, with this contact-wait, started, with nothing due in the database. */
    private Dispatcher startedWaitingForContacts(Duration contactWait) {
        when(store.dueCandidates(any(), any(), anyInt())).thenReturn(List.of());
        Dispatcher d = waitingForContacts(contactWait);
        d.start();
        return d;
    }

    /** Like {@link #dispatcher}, with this contact-wait. */
    private Dispatcher waitingForContacts(Duration contactWait) {
        Dispatcher d = new Dispatcher(store, delivery, new NotificationProperties(null, null,
                new NotificationProperties.Delivery(true, 1, 1, LEASE, Duration.ofHours(1), 5, null, null,
                        contactWait), null, null), Clock.fixed(NOW, ZoneOffset.UTC));
        others.add(d);
        return d;
    }

    private static Notification message(String reg) {
        return Notification.plan("ntf-" + reg, Notification.key(reg, NotificationKind.CONFIRMED, null, 1,
                Channel.EMAIL), "p-1", reg, "ses-1", "iew", Channel.EMAIL, NotificationKind.CONFIRMED, null, 1, NOW,
                NOW);
    }

    @Test
    void aHintedMessageIsClaimedFromItsCopyAndSentWithoutWaitingForThePoll() {
        when(store.dueCandidates(any(), any(), anyInt())).thenReturn(List.of());
        Notification n = message("reg-1");
        Notification claimed = n.claim(dispatcher.owner(), NOW, LEASE).orElseThrow().after();
        when(store.claim(n, dispatcher.owner(), NOW, LEASE)).thenReturn(Optional.of(claimed));
        dispatcher.start();

        dispatcher.hint(n);

        verify(delivery, timeout(5_000)).deliver(claimed);
        verify(store, after(300).never()).tryClaim(anyString(), anyString(), any(), any());
    }

    @Test
    void anOutdatedHintFallsBackToAClaimById() {
        when(store.dueCandidates(any(), any(), anyInt())).thenReturn(List.of());
        Notification n = message("reg-2");
        Notification claimed = n.claim(dispatcher.owner(), NOW, LEASE).orElseThrow().after();
        when(store.claim(n, dispatcher.owner(), NOW, LEASE)).thenReturn(Optional.empty());
        when(store.tryClaim(n.id(), dispatcher.owner(), NOW, LEASE)).thenReturn(Optional.of(claimed));
        dispatcher.start();

        dispatcher.hint(n);

        verify(delivery, timeout(5_000)).deliver(claimed);
    }

    @Test
    void aMessageBothHintedAndFoundByAScanIsDeliveredOnce() {
        Notification n = message("reg-3");
        Notification claimed = n.claim(dispatcher.owner(), NOW, LEASE).orElseThrow().after();
        // the message is created and hinted while a due-scan is under way, so the scan finds it as well
        AtomicBoolean first = new AtomicBoolean(true);
        when(store.dueCandidates(any(), any(), anyInt())).thenAnswer(call -> {
            if (call.getArgument(0) != Channel.EMAIL || !first.getAndSet(false)) {
                return List.of();
            }
            dispatcher.hint(n);
            return List.of(n.id());
        });
        when(store.claim(n, dispatcher.owner(), NOW, LEASE)).thenReturn(Optional.of(claimed));
        dispatcher.start();

        verify(delivery, timeout(5_000)).deliver(claimed);
        verify(store).claim(n, dispatcher.owner(), NOW, LEASE);
        // the scan's copy of the id is skipped while the hint is pending; had the hint been claimed already, a
        // by-id claim would find it SENDING and do nothing (mocked: empty) - either way it is delivered once
        verify(delivery, after(500).times(1)).deliver(any());
    }
    @Test
    void aFullPageOfDueMessagesIsFollowedByTheNextPageAtOnceNotAfterThePollInterval() {
        // 600 messages due at once (reminders): pages of 256, 256, 88 - the poll interval is an hour
        List<String> due = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            due.add("ntf-due-" + i);
        }
        AtomicInteger offset = new AtomicInteger();
        when(store.dueCandidates(eq(Channel.EMAIL), any(), anyInt())).thenAnswer(call -> {
            int from = offset.get();
            int to = Math.min(due.size(), from + (int) call.getArgument(2));
            offset.set(to);
            return List.copyOf(due.subList(from, to));
        });
        when(store.dueCandidates(eq(Channel.SMS), any(), anyInt())).thenReturn(List.of());
        when(store.tryClaim(anyString(), anyString(), any(), any())).thenAnswer(call -> Optional.of(
                message(((String) call.getArgument(0)).substring(4)).claim(dispatcher.owner(), NOW, LEASE).orElseThrow().after()));
        dispatcher.start();

        verify(delivery, timeout(10_000).times(600)).deliver(any());
    }

    @Test
    void aMessageHeldForItsContactIsDeliveredAgainWhenTheContactArrivesWithoutAnotherClaim() {
        Dispatcher d = startedWaitingForContacts(Duration.ofHours(1));
        Notification claimed = message("reg-held").claim(d.owner(), NOW, LEASE).orElseThrow().after();

        assertThat(d.holdForContact(claimed)).isTrue();
        assertThat(d.heldForContact()).isEqualTo(1);
        verify(delivery, after(300).never()).deliver(any());

        d.contactArrived("p-other");
        assertThat(d.heldForContact()).isEqualTo(1);
        d.contactArrived("p-1");

        verify(delivery, timeout(5_000)).deliver(claimed);
        assertThat(d.heldForContact()).isZero();
        // handed over once: a second arrival finds nothing held
        d.contactArrived("p-1");
        verify(delivery, after(300).times(1)).deliver(any());
        verify(store, never()).claim(any(), anyString(), any(), any());
        verify(store, never()).tryClaim(anyString(), anyString(), any(), any());
    }

    @Test
    void aMessageWhoseContactDoesNotComeIsHandedBackOnceWhenItsWaitRunsOutAndThenParked() throws Exception {
        Dispatcher d = startedWaitingForContacts(Duration.ofMillis(200));
        Notification claimed = message("reg-late").claim(d.owner(), NOW, LEASE).orElseThrow().after();
        // the second delivery finds the contact still missing and asks again: now it must be parked. Mockito records
        // the call before it runs this answer, so a verify can see the call before the answer has asked: wait for it
        CompletableFuture<Boolean> heldAgain = new CompletableFuture<>();
        org.mockito.Mockito.doAnswer(call -> {
            heldAgain.complete(d.holdForContact(call.getArgument(0)));
            return null;
        }).when(delivery).deliver(claimed);

        assertThat(d.holdForContact(claimed)).isTrue();

        verify(delivery, timeout(5_000)).deliver(claimed);
        assertThat(heldAgain.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(d.heldForContact()).isZero();
        d.contactArrived("p-1");
        verify(delivery, after(300).times(1)).deliver(any());
    }

    @Test
    void nothingIsHeldWhenTheWaitIsZeroOrTheDispatcherIsStoppedOrTooManyAreHeld() {
        when(store.dueCandidates(any(), any(), anyInt())).thenReturn(List.of());
        Notification claimed = message("reg-x").claim("someone", NOW, LEASE).orElseThrow().after();
        Dispatcher off = waitingForContacts(Duration.ZERO);
        off.start();
        assertThat(off.holdForContact(claimed)).isFalse();
        Dispatcher stopped = waitingForContacts(Duration.ofHours(1));
        assertThat(stopped.holdForContact(claimed)).isFalse();

        Dispatcher full = waitingForContacts(Duration.ofHours(1));
        full.start();
        for (int i = 0; i < Dispatcher.MAX_HELD; i++) {
            assertThat(full.holdForContact(message("reg-" + i))).isTrue();
        }
        assertThat(full.holdForContact(claimed)).isFalse();
        assertThat(full.heldForContact()).isEqualTo(Dispatcher.MAX_HELD);
        // a stop lets go of them (their leases bring them back)
        full.stop();
        assertThat(full.heldForContact()).isZero();
    }
}
