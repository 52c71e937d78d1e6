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
import org.springframework.data.mongodb.core.MongoTemplate;

import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.TestEvents;
import org.eduweek.platform.teams.EditionTeamReplica;
import org.eduweek.platform.testing.ConsumerProgress;
import org.eduweek.platform.testing.TestTokens;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Announcements and reminder offsets belong to the edition's team, learnt from schedule.edition-teams.v1: a member
 * and an ADMIN pass, an organizer of another edition gets 403 not-on-team and nothing is sent, a session without an
 * edition stays open to every organizer; older and redelivered team records change nothing.
 */
class EditionTeamsIT extends NotificationITBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String TOPIC = "schedule.edition-teams.v1";
    private static final String ALICE = TestTokens.organizer("alice");
    private static final String BOB = TestTokens.organizer("bob");
    private static final String ADMIN = TestTokens.token("ada", List.of("ADMIN"), Map.of());

    @LocalServerPort
    int port;
    @Autowired
    NotificationStore store;
    @Autowired
    MongoTemplate mongo;

    private final String edition = Fixtures.id("ed-team");
    private final String activity = Fixtures.id("act-team");

    record Reply(int status, JsonNode body) {
    }

    private Reply call(String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isBlank() ? null : TestEvents.JSON.readTree(r.body()));
    }

    /** A session of {@code editionId} (null: none) in this test's activity, with one confirmed registrant. */
    private String sessionWithARegistrant(String editionId) {
        String sessionId = Fixtures.id("ses");
        ObjectNode session = fixtures.session(sessionId, Duration.ofDays(4), 1);
        session.put("editionId", editionId);
        session.put("activityId", editionId == null ? Fixtures.id("act-none") : activity);
        fixtures.publishSession("SessionScheduled", session);
        Fixtures.Person p = fixtures.person("en", false);
        String regId = Fixtures.id("reg");
        ObjectNode reg = fixtures.registration(regId, sessionId, p.id(), "CONFIRMED", 1);
        reg.put("editionId", editionId);
        fixtures.publishRegistration("RegistrationCreated", reg);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.byKey(regId + ":CONFIRMED:1:EMAIL")
                .map(n -> n.state() == NotificationState.SENT).orElse(false));
        return sessionId;
    }

    private static String announcement(String target, String id) {
        return "{\"" + target + "\":\"" + id + "\",\"subject\":\"Room change\",\"message\":\"Now in Hall B.\"}";
    }

    private void sendTeam(long version, String... subjects) {
        StringBuilder members = new StringBuilder();
        for (String subject : subjects) {
            members.append(members.isEmpty() ? "" : ",").append("""
                    {"subject":"%s","name":"%s","email":null,"addedBy":"ada","addedAt":"2026-12-01T08:00:00Z"}"""
                    .formatted(subject, subject));
        }
        TestEvents.publish(TOPIC, edition, "EditionTeamChanged", """
                {"editionId":"%s","version":%d,"members":[%s],"updatedAt":"2026-12-01T08:00:00Z"}"""
                .formatted(edition, version, members));
    }

    private void awaitVersion(long version) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(teams.find(edition))
                .hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(version)));
    }

    private static void assertNotOnTeam(Reply r, String editionId) {
        assertThat(r.status()).as(String.valueOf(r.body())).isEqualTo(403);
        assertThat(r.body().get("type").asString()).isEqualTo("https://eduweek.org/problems/not-on-team");
        assertThat(r.body().get("detail").asString())
                .isEqualTo("You are not on the team of edition " + editionId + ".");
        assertThat(r.body().get("editionId").asString()).isEqualTo(editionId);
    }

    private long announcementsOf(String sessionId) {
        return mongo.getCollection("announcements").countDocuments(new org.bson.Document("sessionId", sessionId));
    }

    @Test
    void onlyTheEditionsTeamAndAdminsAnnounceAndSetReminders() throws Exception {
        String sessionId = sessionWithARegistrant(edition);
        sendTeam(1, "alice");
        awaitVersion(1);

        assertNotOnTeam(call("POST", "/api/notifications/announcements", BOB, announcement("sessionId", sessionId)),
                edition);
        assertNotOnTeam(call("POST", "/api/notifications/announcements", BOB, announcement("activityId", activity)),
                edition);
        assertNotOnTeam(call("GET", "/api/notifications/announcements?sessionId=" + sessionId, BOB, null), edition);
        assertNotOnTeam(call("PUT", "/api/notifications/editions/" + edition + "/reminders", BOB,
                "{\"email\":[\"PT2H\"],\"sms\":[]}"), edition);
        Reply zh = call("POST", "/api/notifications/announcements", BOB, announcement("sessionId", sessionId),
                "Accept-Language", "zh-CN");
        assertThat(zh.status()).isEqualTo(403);
        assertThat(zh.body().get("detail").asString()).isEqualTo("您不在届次 " + edition + " 的组织团队中。");
        assertThat(announcementsOf(sessionId)).as("nothing announced by the refused calls").isZero();
        assertThat(call("GET", "/api/notifications/editions/" + edition + "/reminders", ALICE, null).body()
                .get("updatedBy").isNull()).as("no reminder offsets set by the refused call").isTrue();

        Reply byMember = call("POST", "/api/notifications/announcements", ALICE, announcement("sessionId", sessionId));
        assertThat(byMember.status()).isEqualTo(202);
        assertThat(byMember.body().get("recipients").asInt()).isEqualTo(1);
        assertThat(call("POST", "/api/notifications/announcements", ADMIN, announcement("activityId", activity))
                .status()).isEqualTo(202);
        assertThat(call("PUT", "/api/notifications/editions/" + edition + "/reminders", ALICE,
                "{\"email\":[\"PT2H\"],\"sms\":[]}").status()).isEqualTo(200);
        assertThat(call("GET", "/api/notifications/announcements?sessionId=" + sessionId, ALICE, null).body()
                .size()).isEqualTo(1);
        assertThat(call("GET", "/api/notifications/announcements", BOB, null).body().findValuesAsString("sessionId"))
                .as("an unfiltered list leaves out other teams' announcements").doesNotContain(sessionId);
        assertThat(call("GET", "/api/notifications/announcements", ALICE, null).body()
                .findValuesAsString("sessionId")).contains(sessionId);

        // a session without an edition stays open to every organizer
        String unassigned = sessionWithARegistrant(null);
        assertThat(call("POST", "/api/notifications/announcements", BOB, announcement("sessionId", unassigned))
                .status()).isEqualTo(202);
    }

    @Test
    void aTeamChangeReachesTheServiceAndOlderOrRedeliveredRecordsChangeNothing() throws Exception {
        String sessionId = sessionWithARegistrant(edition);
        sendTeam(2, "alice");
        awaitVersion(2);
        assertNotOnTeam(call("POST", "/api/notifications/announcements", BOB, announcement("sessionId", sessionId)),
                edition);

        sendTeam(3, "alice", "bob");
        awaitVersion(3);
        sendTeam(2, "alice");
        sendTeam(3, "alice");
        ConsumerProgress.awaitCommittedToTheEnd("notification-service", TOPIC);
        assertThat(teams.find(edition)).hasValueSatisfying(t -> {
            assertThat(t.version()).isEqualTo(3);
            assertThat(t.has("bob")).isTrue();
        });
        assertThat(call("POST", "/api/notifications/announcements", BOB, announcement("sessionId", sessionId))
                .status()).isEqualTo(202);
        // kept in the service's database: a restarted instance reads the same team
        assertThat(new EditionTeamReplica(mongo).find(edition)).hasValueSatisfying(
                t -> assertThat(t.has("bob")).isTrue());
    }
}
