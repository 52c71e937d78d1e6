package org.eduweek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.eduweek.notification.delivery.Dispatcher;
import org.eduweek.notification.delivery.SmsProvider;
import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.TestSms;

/**
 * Several senders, one of them crashing mid-way: every reminder still goes out, and none twice. "Instances" are
 * owners competing through the same database, exactly as separate processes would.
 */
class ExactlyOnceIT extends NotificationITBase {

    private static final Duration LEASE = Duration.ofSeconds(60);

    @Autowired
    NotificationStore store;

    @Autowired
    Dispatcher dispatcher;

    @Autowired
    SmsProvider provider;

    record Planned(String regId, String phone) {
    }

    private List<Planned> bookMany(String sessionId, int count) {
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofHours(3), 1));
        List<Planned> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Fixtures.Person p = fixtures.person("en", true);
            String regId = Fixtures.id("reg");
            fixtures.publishRegistration("RegistrationCreated",
                    fixtures.registration(regId, sessionId, p.id(), "CONFIRMED", 1));
            out.add(new Planned(regId, p.phone()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> out.stream()
                .allMatch(b -> store.byKey(b.regId() + ":REMINDER-PT1H:1:SMS").isPresent()
                        && store.byKey(b.regId() + ":CONFIRMED:1:SMS").map(n -> !n.state().isOpen()).orElse(false)));
        return out;
    }

    private static List<LoggedRequest> reminderSms(String phone) {
        return TestSms.to(phone).stream().filter(r -> r.getBodyAsString().contains("reminder")).toList();
    }

    @Test
    void aSenderCrashingAfterItsClaimLosesNoReminderAndCompetingInstancesSendNoneTwice() throws Exception {
        List<Planned> planned = bookMany(Fixtures.id("ses"), 12);
        Instant due = store.byKey(planned.get(0).regId() + ":REMINDER-PT1H:1:SMS").orElseThrow().dueAt();

        // instance A reaches the due time first, claims four reminders, and dies before sending or recording
        List<Notification> claimedByA = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String id = store.byKey(planned.get(i).regId() + ":REMINDER-PT1H:1:SMS").orElseThrow().id();
            claimedByA.add(store.tryClaim(id, "instance-A", due, LEASE).orElseThrow());
        }

        ExecutorService others = Executors.newFixedThreadPool(2);
        try {
            CLOCK.set(due);
            dispatcher.wake();
            List<Future<?>> runs = new ArrayList<>();
            for (String owner : List.of("instance-C", "instance-D")) {
                runs.add(others.submit(() -> {
                    while (dispatcher.sendOne(Channel.SMS, owner)) {
                        // keep competing with the live dispatcher until nothing is due
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> planned.stream()
                    .filter(b -> store.byKey(b.regId() + ":REMINDER-PT1H:1:SMS").orElseThrow().state()
                            == NotificationState.SENT).count() == 8);
            for (Notification n : claimedByA) {
                assertThat(store.byKey(n.dedupeKey()).orElseThrow().state()).isEqualTo(NotificationState.SENDING);
            }

            // A's lease runs out: the survivors take its reminders over
            CLOCK.set(due.plus(LEASE).plusSeconds(1));
            dispatcher.wake();
            await().atMost(Duration.ofSeconds(20)).until(() -> planned.stream().allMatch(b -> store
                    .byKey(b.regId() + ":REMINDER-PT1H:1:SMS").orElseThrow().state() == NotificationState.SENT));
        } finally {
            others.shutdownNow();
        }

        for (Planned b : planned) {
            assertThat(reminderSms(b.phone())).as("reminders to %s", b.phone()).hasSize(1);
        }
        for (Notification n : claimedByA) {
            Notification after = store.byKey(n.dedupeKey()).orElseThrow();
            assertThat(after.claims()).isEqualTo(2);
            assertThat(after.attempts()).isEqualTo(1);
            assertThat(after.owner()).isNotEqualTo("instance-A");
            // A coming back to life cannot overwrite what the other instance recorded
            assertThat(store.markSent(n, "late", "en", null, CLOCK.instant())).isFalse();
        }
    }

    @Test
    void aResendAfterACrashBetweenSendingAndRecordingCarriesTheSameIdempotencyKey() throws Exception {
        List<Planned> planned = bookMany(Fixtures.id("ses"), 1);
        Planned b = planned.get(0);
        Notification plan = store.byKey(b.regId() + ":REMINDER-PT1H:1:SMS").orElseThrow();

        // A claims and the provider accepts, then A dies before recording "sent"
        Notification claimed = store.tryClaim(plan.id(), "instance-A", plan.dueAt(), LEASE).orElseThrow();
        provider.send(b.phone(), "EDUWEEK", "IEW reminder (first copy)", claimed.dedupeKey());

        CLOCK.set(plan.dueAt().plus(LEASE).plusSeconds(1));
        dispatcher.wake();
        await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(plan.dedupeKey()).orElseThrow().state()
                == NotificationState.SENT);

        List<LoggedRequest> copies = reminderSms(b.phone());
        assertThat(copies).hasSize(2);
        assertThat(copies).extracting(r -> r.getHeader("Idempotency-Key")).containsOnly(plan.dedupeKey());
    }
}
