package org.eduweek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.model.component.VEvent;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.node.ObjectNode;

import org.eduweek.notification.delivery.Dispatcher;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.MailParts;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.TestMail;
import org.eduweek.notification.support.TestSms;

/** Reminder plans against a clock the test moves: due times, moves, cancellations, downtime. */
class RemindersIT extends NotificationITBase {

    @Autowired
    NotificationStore store;

    @Autowired
    Dispatcher dispatcher;

    record Booking(String sessionId, String regId, Fixtures.Person person, ObjectNode session) {
    }

    private Booking book(Duration startsIn, String language, boolean sms) {
        String sessionId = Fixtures.id("ses");
        String regId = Fixtures.id("reg");
        ObjectNode session = fixtures.session(sessionId, startsIn, 1);
        fixtures.publishSession("SessionScheduled", session);
        Fixtures.Person p = fixtures.person(language, sms);
        fixtures.publishRegistration("RegistrationCreated", fixtures.registration(regId, sessionId, p.id(),
                "CONFIRMED", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(regId + ":CONFIRMED:1:EMAIL")
                .map(n -> n.state() == NotificationState.SENT).orElse(false));
        return new Booking(sessionId, regId, p, session);
    }

    private Notification awaitState(String key, NotificationState state) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> store.byKey(key).map(n -> n.state() == state).orElse(false));
        return store.byKey(key).orElseThrow();
    }

    private static List<MimeMessage> reminders(String email) {
        return TestMail.to(email).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Reminder") || m.getSubject().startsWith("活动提醒");
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    @Test
    void remindersGoOutAtTheirOffsetsEmailADayAndSmsAnHourBefore() throws Exception {
        Instant t0 = CLOCK.instant();
        Booking b = book(Duration.ofHours(30), "en", true);
        Notification email = store.byKey(b.regId() + ":REMINDER-PT24H:1:EMAIL").orElseThrow();
        Notification sms = store.byKey(b.regId() + ":REMINDER-PT1H:1:SMS").orElseThrow();
        assertThat(email.dueAt()).isEqualTo(t0.plus(Duration.ofHours(6)));
        assertThat(sms.dueAt()).isEqualTo(t0.plus(Duration.ofHours(29)));

        CLOCK.set(email.dueAt().minusSeconds(1));
        dispatcher.wake();
        assertThat(store.byKey(email.dedupeKey()).orElseThrow().state()).isEqualTo(NotificationState.PLANNED);

        CLOCK.set(email.dueAt());
        awaitState(email.dedupeKey(), NotificationState.SENT);
        assertThat(reminders(b.person().email())).hasSize(1);
        assertThat(reminders(b.person().email()).get(0).getSubject())
                .isEqualTo("Reminder: International Education Fair starts in 24 hours");
        assertThat(store.byKey(sms.dedupeKey()).orElseThrow().state()).isEqualTo(NotificationState.PLANNED);

        CLOCK.set(sms.dueAt());
        awaitState(sms.dedupeKey(), NotificationState.SENT);
        assertThat(TestSms.to(b.person().phone()).stream().filter(r -> r.getBodyAsString().contains("reminder")))
                .hasSize(1);
    }

    @Test
    void aRescheduledSessionMovesItsRemindersAndTellsItsRegistrantsWithAnUpdatedCalendarEntry() throws Exception {
        Booking b = book(Duration.ofHours(30), "en", false);
        Instant oldDue = store.byKey(b.regId() + ":REMINDER-PT24H:1:EMAIL").orElseThrow().dueAt();

        ObjectNode moved = b.session().deepCopy();
        Instant newStart = Instant.parse(b.session().get("start").asString()).plus(Duration.ofDays(2));
        moved.put("eventId", java.util.UUID.randomUUID().toString());
        moved.put("sequence", 2);
        moved.put("start", newStart.toString());
        moved.put("end", newStart.plus(Duration.ofHours(2)).toString());
        moved.putArray("changes").add("TIME");
        fixtures.publishSession("SessionChanged", moved);

        Notification changed = awaitState(b.regId() + ":SESSION_CHANGED:2:EMAIL", NotificationState.SENT);
        MimeMessage mail = TestMail.to(b.person().email()).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Session changed");
            } catch (Exception e) {
                return false;
            }
        }).findFirst().orElseThrow();
        VEvent event = (VEvent) MailParts.ics(mail).getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("2");
        assertThat(changed.kind().name()).isEqualTo("SESSION_CHANGED");

        assertThat(awaitState(b.regId() + ":REMINDER-PT24H:1:EMAIL", NotificationState.DROPPED).lastError())
                .contains("superseded");
        Notification replanned = store.byKey(b.regId() + ":REMINDER-PT24H:2:EMAIL").orElseThrow();
        assertThat(replanned.dueAt()).isEqualTo(newStart.minus(Duration.ofHours(24)));

        CLOCK.set(oldDue);
        dispatcher.wake();
        CLOCK.set(replanned.dueAt());
        awaitState(replanned.dedupeKey(), NotificationState.SENT);
        assertThat(reminders(b.person().email())).hasSize(1);
    }

    @Test
    void aCapacityOnlyChangeNeitherNotifiesNorReplans() {
        Booking b = book(Duration.ofHours(30), "en", false);
        ObjectNode bigger = b.session().deepCopy();
        bigger.put("eventId", java.util.UUID.randomUUID().toString());
        bigger.put("sequence", 2);
        bigger.putArray("changes").add("CAPACITY");
        fixtures.publishSession("SessionChanged", bigger);
        // a later change on the same session (same partition) proves the first one was consumed
        ObjectNode later = bigger.deepCopy();
        later.put("eventId", java.util.UUID.randomUUID().toString());
        later.put("sequence", 3);
        later.putArray("changes").add("VENUE");
        later.putObject("venue").put("campus", "Benbu").put("building", "Science").put("room", "B2");
        fixtures.publishSession("SessionChanged", later);

        awaitState(b.regId() + ":SESSION_CHANGED:3:EMAIL", NotificationState.SENT);
        assertThat(store.byKey(b.regId() + ":SESSION_CHANGED:2:EMAIL")).isEmpty();
        assertThat(store.byKey(b.regId() + ":REMINDER-PT24H:1:EMAIL").orElseThrow().state())
                .isEqualTo(NotificationState.PLANNED);
    }

    @Test
    void aCancelledRegistrationDropsItsRemindersAndSendsTheCancellation() {
        Booking b = book(Duration.ofHours(30), "en", true);
        ObjectNode cancel = fixtures.registration(b.regId(), b.sessionId(), b.person().id(), "CANCELLED", 1);
        cancel.put("reason", "ORGANIZER");
        fixtures.publishRegistration("RegistrationCancelled", cancel);

        awaitState(b.regId() + ":CANCELLED-ORGANIZER:1:EMAIL", NotificationState.SENT);
        assertThat(store.byKey(b.regId() + ":REMINDER-PT24H:1:EMAIL").orElseThrow().state())
                .isEqualTo(NotificationState.DROPPED);
        assertThat(store.byKey(b.regId() + ":REMINDER-PT1H:1:SMS").orElseThrow().state())
                .isEqualTo(NotificationState.DROPPED);
        assertThat(TestMail.to(b.person().email()).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Registration cancelled");
            } catch (Exception e) {
                return false;
            }
        })).hasSize(1);
    }

    @Test
    void aCancelledSessionTellsItsRegistrantsOnceEvenWhenTheRegistrationIsCancelledToo() {
        Booking b = book(Duration.ofHours(30), "en", false);
        ObjectNode cancelled = b.session().deepCopy();
        cancelled.put("eventId", java.util.UUID.randomUUID().toString());
        cancelled.put("sequence", 2);
        cancelled.put("status", "CANCELLED");
        fixtures.publishSession("SessionCancelled", cancelled);
        ObjectNode regCancelled = fixtures.registration(b.regId(), b.sessionId(), b.person().id(), "CANCELLED", 1);
        regCancelled.put("reason", "SESSION_CANCELLED");
        fixtures.publishRegistration("RegistrationCancelled", regCancelled);

        awaitState(b.regId() + ":SESSION_CANCELLED:final:EMAIL", NotificationState.SENT);
        awaitState(b.regId() + ":REMINDER-PT24H:1:EMAIL", NotificationState.DROPPED);
        // the registration event (same session key, consumed after) must not add a second message
        Fixtures.Person marker = fixtures.person("en", false);
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(Fixtures.id("reg"), b.sessionId(), marker.id(), "CONFIRMED", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(marker.email()).size() == 1);
        assertThat(TestMail.to(b.person().email()).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("Session cancelled");
            } catch (Exception e) {
                return false;
            }
        })).hasSize(1);
    }

    @Test
    void afterDowntimeADueReminderIsSentIfTheSessionHasNotStartedElseRecordedAsMissed() {
        Booking early = book(Duration.ofHours(25), "en", false);
        Booking late = book(Duration.ofHours(30), "en", false);
        Notification earlyReminder = store.byKey(early.regId() + ":REMINDER-PT24H:1:EMAIL").orElseThrow();
        Notification lateReminder = store.byKey(late.regId() + ":REMINDER-PT24H:1:EMAIL").orElseThrow();
        dispatcher.stop();
        try {
            // down from before the first reminder until after the first session started
            CLOCK.set(Instant.parse(early.session().get("start").asString()).plusSeconds(60));
        } finally {
            dispatcher.start();
        }
        assertThat(awaitState(earlyReminder.dedupeKey(), NotificationState.MISSED).lastError()).contains("started");
        awaitState(lateReminder.dedupeKey(), NotificationState.SENT);
        assertThat(reminders(early.person().email())).isEmpty();
        assertThat(reminders(late.person().email())).hasSize(1);
    }
}
