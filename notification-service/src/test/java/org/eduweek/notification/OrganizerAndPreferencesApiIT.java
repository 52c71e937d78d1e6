package org.eduweek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.MailParts;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.TestEvents;
import org.eduweek.notification.support.TestMail;
import org.eduweek.platform.testing.TestTokens;

/** The HTTP API: announcements and reminder offsets for organizers, delivery log and preferences for participants. */
class OrganizerAndPreferencesApiIT extends NotificationITBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    NotificationStore store;

    record Reply(int status, JsonNode body) {
    }

    private Reply call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isBlank() ? null : TestEvents.JSON.readTree(r.body()));
    }

    /** org-ann organizes the sessions of these tests: the fixtures' sessions belong to iew-2020. */
    @org.junit.jupiter.api.BeforeEach
    void organizerOnTheTeam() {
        if (teams.find("iew-2020").filter(t -> t.has("org-ann")).isEmpty()) {
            onTeam("iew-2020", "org-ann");
        }
    }

    private static String organizer() {
        return TestTokens.token("org-ann", List.of("ORGANIZER"), Map.of());
    }

    private String sessionWith(Fixtures.Person... people) {
        String sessionId = Fixtures.id("ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(4), 1));
        for (Fixtures.Person p : people) {
            String regId = Fixtures.id("reg");
            fixtures.publishRegistration("RegistrationCreated",
                    fixtures.registration(regId, sessionId, p.id(), "CONFIRMED", 1));
            await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(regId + ":CONFIRMED:1:EMAIL")
                    .map(n -> n.state() == NotificationState.SENT).orElse(false));
        }
        return sessionId;
    }

    @Test
    void anAnnouncementReachesEveryRegistrantInTheirLanguageAndRecordsItsSender() throws Exception {
        Fixtures.Person en = fixtures.person("en", false);
        Fixtures.Person zh = fixtures.person("zh", false);
        String sessionId = sessionWith(en, zh);

        Reply r = call("POST", "/api/notifications/announcements", organizer(), "{\"sessionId\":\"" + sessionId
                + "\",\"subject\":\"Room change\",\"message\":\"We meet in Hall B this time.\"}");
        assertThat(r.status()).isEqualTo(202);
        assertThat(r.body().get("sentBy").asString()).isEqualTo("org-ann");
        assertThat(r.body().get("recipients").asInt()).isEqualTo(2);

        await().atMost(Duration.ofSeconds(20)).until(() -> TestMail.to(en.email()).size() == 2
                && TestMail.to(zh.email()).size() == 2);
        var enMail = TestMail.to(en.email()).get(1);
        assertThat(enMail.getSubject()).isEqualTo("Room change (International Education Fair)");
        assertThat(MailParts.text(enMail)).contains("We meet in Hall B this time.").contains("Sent by org-ann");
        assertThat(TestMail.to(zh.email()).get(1).getSubject()).isEqualTo("Room change（国际教育展）");

        Reply list = call("GET", "/api/notifications/announcements?sessionId=" + sessionId, organizer(), null);
        assertThat(list.body().get(0).get("sentBy").asString()).isEqualTo("org-ann");

        Reply log = call("GET", "/api/notifications/me", TestTokens.participant(en.id()), null);
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body().get("items").valueStream().map(i -> i.get("kind").asString()).toList())
                .contains("ANNOUNCEMENT", "CONFIRMED");
    }

    @Test
    void announcementsAreForOrganizersOnlyAndNeedExactlyOneTarget() throws Exception {
        Fixtures.Person p = fixtures.person("en", false);
        String sessionId = sessionWith(p);
        String body = "{\"sessionId\":\"" + sessionId + "\",\"subject\":\"Hi\",\"message\":\"x\"}";
        assertThat(call("POST", "/api/notifications/announcements", TestTokens.participant(p.id()), body).status())
                .isEqualTo(403);
        Reply both = call("POST", "/api/notifications/announcements", organizer(),
                "{\"sessionId\":\"a\",\"activityId\":\"b\",\"subject\":\"Hi\",\"message\":\"x\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("errors").get(0).get("field").asString()).isEqualTo("sessionId");
        assertThat(call("POST", "/api/notifications/announcements", organizer(),
                "{\"sessionId\":\"nope\",\"subject\":\"Hi\",\"message\":\"x\"}").status()).isEqualTo(404);
        assertThat(call("POST", "/api/notifications/announcements", organizer(),
                "{\"sessionId\":\"" + sessionId + "\",\"subject\":\"\",\"message\":\"x\"}").status()).isEqualTo(400);
        assertThat(call("POST", "/api/notifications/announcements", organizer(), "{broken").status()).isEqualTo(400);
    }

    @Test
    void preferencesOverrideTheLanguageAndSwitchEmailOff() throws Exception {
        Fixtures.Person p = fixtures.person("en", true);
        String token = TestTokens.participant(p.id());
        Reply defaults = call("GET", "/api/notifications/me/preferences", token, null);
        assertThat(defaults.body().get("email").asBoolean()).isTrue();
        assertThat(defaults.body().get("smsConsent").asBoolean()).isTrue();

        Reply zh = call("PUT", "/api/notifications/me/preferences", token,
                "{\"email\":true,\"sms\":false,\"language\":\"zh\"}");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.body().get("smsEffective").asBoolean()).isFalse();
        String sessionId = sessionWith(p);
        assertThat(TestMail.to(p.email()).get(0).getSubject()).isEqualTo("报名成功：国际教育展");
        // the SMS lane decides on its own, after the email the helper waited for
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(store.forParticipant(p.id(), 0, 50))
                .anyMatch(n -> n.channel().name().equals("SMS") && n.state() == NotificationState.SKIPPED));

        assertThat(call("PUT", "/api/notifications/me/preferences", token,
                "{\"email\":false,\"sms\":false,\"language\":null}").status()).isEqualTo(200);
        String regId = Fixtures.id("reg");
        fixtures.publishRegistration("RegistrationCreated",
                fixtures.registration(regId, sessionId, p.id(), "CONFIRMED", 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(regId + ":CONFIRMED:1:EMAIL")
                .map(n -> n.state() == NotificationState.SKIPPED).orElse(false));

        Reply bad = call("PUT", "/api/notifications/me/preferences", token,
                "{\"email\":true,\"sms\":true,\"language\":\"fr\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("language");
        assertThat(call("PUT", "/api/notifications/me/preferences", token, "{\"email\":").status()).isEqualTo(400);
        assertThat(call("GET", "/api/notifications?participantId=someone-else", token, null).status())
                .isEqualTo(403);
    }

    @Test
    void organizersSetAnEditionsReminderOffsetsAndExistingPlansFollow() throws Exception {
        String edition = Fixtures.id("iew");
        String sessionId = Fixtures.id("ses");
        ObjectNode session = fixtures.session(sessionId, Duration.ofDays(3), 1);
        session.put("editionId", edition);
        fixtures.publishSession("SessionScheduled", session);
        Fixtures.Person p = fixtures.person("en", true);
        String regId = Fixtures.id("reg");
        ObjectNode reg = fixtures.registration(regId, sessionId, p.id(), "CONFIRMED", 1);
        reg.put("editionId", edition);
        fixtures.publishRegistration("RegistrationCreated", reg);
        await().atMost(Duration.ofSeconds(20)).until(() -> store.byKey(regId + ":REMINDER-PT24H:1:EMAIL").isPresent());
        onTeam(edition, "org-ann");

        Reply defaults = call("GET", "/api/notifications/editions/" + edition + "/reminders", organizer(), null);
        assertThat(defaults.body().get("email").get(0).asString()).isEqualTo("PT24H");
        assertThat(call("PUT", "/api/notifications/editions/" + edition + "/reminders",
                TestTokens.participant(p.id()), "{\"email\":[\"PT2H\"],\"sms\":[]}").status()).isEqualTo(403);
        assertThat(call("PUT", "/api/notifications/editions/" + edition + "/reminders", organizer(),
                "{\"email\":[\"PT0S\"],\"sms\":[]}").status()).isEqualTo(400);

        Reply set = call("PUT", "/api/notifications/editions/" + edition + "/reminders", organizer(),
                "{\"email\":[\"P2D\",\"PT2H\"],\"sms\":[]}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.body().get("updatedBy").asString()).isEqualTo("org-ann");
        assertThat(store.byKey(regId + ":REMINDER-PT24H:1:EMAIL").orElseThrow().state())
                .isEqualTo(NotificationState.DROPPED);
        assertThat(store.byKey(regId + ":REMINDER-PT1H:1:SMS").orElseThrow().state())
                .isEqualTo(NotificationState.DROPPED);
        assertThat(store.byKey(regId + ":REMINDER-PT48H:1:EMAIL").orElseThrow().state())
                .isEqualTo(NotificationState.PLANNED);
        assertThat(store.byKey(regId + ":REMINDER-PT2H:1:EMAIL").orElseThrow().dueAt())
                .isEqualTo(java.time.Instant.parse(session.get("start").asString()).minus(Duration.ofHours(2)));
    }
}
