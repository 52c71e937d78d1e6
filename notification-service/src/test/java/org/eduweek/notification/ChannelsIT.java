package org.eduweek.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.mail.internet.MimeMessage;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.MailParts;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.TestEvents;
import org.eduweek.notification.support.TestMail;
import org.eduweek.notification.support.TestSms;

/** Email and SMS as the participant receives them: language, content, calendar file, consent, quiet hours, failures. */
class ChannelsIT extends NotificationITBase {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    NotificationStore store;

    private String register(Fixtures.Person p, Duration startsIn, String status) {
        String sessionId = Fixtures.id("ses");
        String regId = Fixtures.id("reg");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, startsIn, 1));
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(regId, sessionId, p.id(), status, 1));
        return regId;
    }

    private Notification awaitState(String key, NotificationState state) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> store.byKey(key).map(n -> n.state() == state).orElse(false));
        return store.byKey(key).orElseThrow();
    }

    @Test
    void sendsAChineseMultipartEmailWithAParseableCalendarEntry() throws Exception {
        Fixtures.Person li = fixtures.person("zh", false);
        String regId = register(li, Duration.ofDays(5), "CONFIRMED");

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(li.email()).size() == 1);
        MimeMessage mail = TestMail.to(li.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("报名成功：国际教育展");
        assertThat(MailParts.text(mail)).contains("您已成功报名国际教育展").contains("Pingyuan, Gymnasium, Main Hall")
                .contains("时间");
        assertThat(MailParts.html(mail)).contains("<html").contains("lang=\"zh\"").contains("国际教育展");
        assertThat(mail.getHeader("Message-ID")[0]).endsWith("@eduweek>");

        Calendar ics = MailParts.ics(mail);
        assertThat(ics).isNotNull();
        VEvent event = (VEvent) ics.getComponent("VEVENT").orElseThrow();
        assertThat(event.getProperty("SUMMARY").orElseThrow().getValue()).isEqualTo("国际教育展");
        assertThat(event.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
        assertThat(event.getProperty("UID").orElseThrow().getValue()).contains(regId);
        assertThat(awaitState(regId + ":CONFIRMED:1:EMAIL", NotificationState.SENT).language()).isEqualTo("zh");
    }

    @Test
    void sendsAnEnglishWaitlistEmailWithTheWaitlistPositionAndNoCalendarEntry() throws Exception {
        Fixtures.Person sam = fixtures.person("en", false);
        register(sam, Duration.ofDays(5), "WAITLISTED");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(sam.email()).size() == 1);
        MimeMessage mail = TestMail.to(sam.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("On the waiting list: International Education Fair");
        assertThat(MailParts.text(mail)).contains("position 3").contains("Dear Alice Chen,");
        assertThat(MailParts.ics(mail)).isNull();
    }

    @Test
    void smsGoesToTheProviderOnlyWithConsentInE164AndTheParticipantsLanguage() {
        Fixtures.Person yes = fixtures.person("zh", true);
        Fixtures.Person no = fixtures.person("en", false);
        String regYes = register(yes, Duration.ofDays(5), "CONFIRMED");
        String regNo = register(no, Duration.ofDays(5), "CONFIRMED");

        awaitState(regYes + ":CONFIRMED:1:SMS", NotificationState.SENT);
        assertThat(TestSms.to(yes.phone())).hasSize(1);
        String body = TestSms.to(yes.phone()).get(0).getBodyAsString();
        assertThat(body).contains("\"from\":\"EDUWEEK\"").contains("国际教育展");
        assertThat(TestSms.to(yes.phone()).get(0).getHeader("Idempotency-Key")).isEqualTo(regYes + ":CONFIRMED:1:SMS");

        assertThat(awaitState(regNo + ":CONFIRMED:1:SMS", NotificationState.SKIPPED).lastError())
                .contains("consent");
        assertThat(TestSms.to(no.phone())).isEmpty();
    }

    @Test
    void anInvalidPhoneNumberFailsTheSmsWithoutCallingTheProvider() {
        String pid = Fixtures.id("p");
        fixtures.publishProfile(fixtures.profile(pid, pid + "@example.edu", "12345", "en", true, 1));
        String regId = register(new Fixtures.Person(pid, pid + "@example.edu", "12345"), Duration.ofDays(5),
                "CONFIRMED");
        assertThat(awaitState(regId + ":CONFIRMED:1:SMS", NotificationState.FAILED).lastError()).contains("E.164");
    }

    @Test
    void quietHoursHoldAnSmsUntilMorningUnlessTheSessionStartsWithinTwoHours() {
        // move to the next 23:00 in Shanghai
        ZonedDateTime local = CLOCK.instant().atZone(SHANGHAI);
        ZonedDateTime night = local.with(LocalTime.of(23, 0));
        if (!night.isAfter(local)) {
            night = night.plusDays(1);
        }
        CLOCK.set(night.toInstant());

        Fixtures.Person later = fixtures.person("en", true);
        Fixtures.Person soon = fixtures.person("en", true);
        String regLater = register(later, Duration.ofDays(3), "CONFIRMED");
        String regSoon = register(soon, Duration.ofMinutes(90), "CONFIRMED");

        awaitState(regSoon + ":CONFIRMED:1:SMS", NotificationState.SENT);
        awaitState(regLater + ":CONFIRMED:1:EMAIL", NotificationState.SENT);
        Notification held = store.byKey(regLater + ":CONFIRMED:1:SMS").orElseThrow();
        assertThat(held.state()).isEqualTo(NotificationState.PLANNED);
        assertThat(held.lastError()).isEqualTo("quiet hours");
        assertThat(held.dueAt()).isEqualTo(night.plusDays(1).with(LocalTime.of(7, 0)).toInstant());
        assertThat(TestSms.to(later.phone())).isEmpty();

        CLOCK.set(held.dueAt());
        awaitState(regLater + ":CONFIRMED:1:SMS", NotificationState.SENT);
        assertThat(TestSms.to(later.phone())).hasSize(1);
    }

    @Test
    void providerFailuresAreRetriedWithBackOffThenReportedAsNotificationFailed() {
        Fixtures.Person p = fixtures.person("en", true);
        TestSms.server().stubFor(post(urlEqualTo("/sms/messages")).atPriority(1)
                .withRequestBody(containing(p.phone())).willReturn(aResponse().withStatus(503).withBody("busy")));
        KafkaConsumer<String, String> events = TestEvents.reader("notification.events.v1");
        try {
            String regId = register(p, Duration.ofDays(5), "CONFIRMED");
            String key = regId + ":CONFIRMED:1:SMS";
            for (int attempt = 1; attempt < 5; attempt++) {
                int expected = attempt;
                await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(key)
                        .map(n -> n.attempts() == expected && n.state() == NotificationState.PLANNED).orElse(false));
                Notification n = store.byKey(key).orElseThrow();
                // back-off doubles: the retry waits for its due time, not sooner
                assertThat(n.dueAt()).isAfter(CLOCK.instant());
                CLOCK.set(n.dueAt());
            }
            Notification failed = awaitState(key, NotificationState.FAILED);
            assertThat(failed.attempts()).isEqualTo(5);
            assertThat(TestSms.to(p.phone())).hasSize(5);

            JsonNode[] event = new JsonNode[1];
            await().atMost(Duration.ofSeconds(20)).until(() -> TestEvents.poll(events).stream()
                    .filter(r -> "NotificationFailed".equals(new String(r.headers().lastHeader("eventType").value())))
                    .map(r -> TestEvents.JSON.readTree(r.value()))
                    .filter(n -> key.equals(n.get("dedupeKey").asString())).peek(n -> event[0] = n).count() > 0);
            assertThat(event[0].get("attempts").asInt()).isEqualTo(5);
            assertThat(event[0].get("error").asString()).contains("503");
        } finally {
            events.close();
        }
    }

    @Test
    void aPermanentProviderRefusalFailsAtOnce() {
        Fixtures.Person p = fixtures.person("en", true);
        TestSms.server().stubFor(post(urlEqualTo("/sms/messages")).atPriority(1)
                .withRequestBody(containing(p.phone()))
                .willReturn(aResponse().withStatus(400).withBody("invalid destination")));
        String regId = register(p, Duration.ofDays(5), "CONFIRMED");
        Notification failed = awaitState(regId + ":CONFIRMED:1:SMS", NotificationState.FAILED);
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("400").contains("invalid destination");
    }

}
