package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.eduweek.platform.testing.TestTokens;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.TopicProbe;

class RegistrationRulesIT extends IntegrationTest {

    private Http.Response register(String token, String sessionId) {
        return http().post("/api/registrations", token, "{\"sessionId\":\"" + sessionId + "\"}");
    }

    @Test
    void badInputGetsProblemBodiesAndStoresNothing() {
        Session s = publishSession(5);
        String token = participant(unique("p"));
        Http.Response malformed = http().post("/api/registrations", token, "{\"sessionId\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asString()).endsWith("/malformed-request");
        Http.Response missing = http().post("/api/registrations", token, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asString()).as(missing.text()).isEqualTo("sessionId");
        Http.Response badMode = http().post("/api/registrations", token,
                "{\"sessionId\":\"" + s.id() + "\",\"seatMode\":\"BALCONY\"}");
        assertThat(badMode.status()).isEqualTo(400);
        Http.Response notOffered = http().post("/api/registrations", token,
                "{\"sessionId\":\"" + s.id() + "\",\"seatMode\":\"ONLINE\"}");
        assertThat(notOffered.status()).isEqualTo(400);
        assertThat(notOffered.json().get("errors").get(0).get("field").asString()).isEqualTo("seatMode");
        assertThat(register(null, s.id()).status()).isEqualTo(401);
        String forged = TestTokens.sign(TestTokens.otherKey(), "eve", List.of("PARTICIPANT"), Map.of(),
                TestTokens.ISSUER, TestTokens.AUDIENCE, Instant.now().plusSeconds(600));
        assertThat(register(forged, s.id()).status()).isEqualTo(401);
        assertThat(register(organizer(), s.id()).status()).isEqualTo(403);
        assertThat(http().get("/api/registrations/mine", token).json().size()).isZero();
    }

    @Test
    void startedOrCancelledSessionsRefuseRegistration() {
        Session s = publishSession(5);
        clock.advance(Duration.ofDays(11));
        Http.Response started = register(participant(unique("p")), s.id());
        assertThat(started.status()).isEqualTo(409);
        assertThat(started.json().get("detail").asString()).contains("already started");
        clock.reset();
        Session cancelled = publishSession(5);
        publish(with(cancelled, 2, 5, 0, "CANCELLED", List.of()));
        assertThat(register(participant(unique("p")), cancelled.id()).status()).isEqualTo(409);
        Session draft = publish(with(session(unique("ses"), "OFFLINE", 5, 0, Instant.now().plus(Duration.ofDays(3)),
                1), 1, 5, 0, "DRAFT", List.of()));
        assertThat(register(participant(unique("p")), draft.id()).status()).isEqualTo(404);
    }

    @Test
    void audienceRestrictedSessionNeedsAMatchingProfile() {
        Session s = publishSession(5);
        publish(with(s, 2, 5, 0, "PUBLISHED", List.of("TEACHER")));
        String token = participant(unique("t"));
        Http.Response refused = register(token, s.id());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("audience");
        assertThat(http().put("/api/registrations/me/profile", token, "{\"audience\":\"TEACHER\"}").status())
                .isEqualTo(200);
        assertThat(register(token, s.id()).status()).isEqualTo(201);
    }

    @Test
    void overlappingConfirmedSessionIsAConflictNamingTheClash() {
        Instant start = Instant.now().plus(Duration.ofDays(5));
        Session first = publish(session(unique("ses"), "OFFLINE", 5, 0, start, 1));
        Session second = publish(session(unique("ses"), "OFFLINE", 5, 0, start.plus(Duration.ofMinutes(30)), 1));
        Session later = publish(session(unique("ses"), "OFFLINE", 5, 0, start.plus(Duration.ofHours(3)), 1));
        String token = participant(unique("p"));
        assertThat(register(token, first.id()).status()).isEqualTo(201);
        Http.Response clash = register(token, second.id());
        assertThat(clash.status()).isEqualTo(409);
        assertThat(clash.json().get("detail").asString()).contains(first.id()).contains("Session " + first.id());
        assertThat(register(token, later.id()).status()).isEqualTo(201);
    }

    @Test
    void theClashIsNamedInTheCallersLanguageAtTheSessionsOwnTime() {
        Instant start = java.time.LocalDateTime.of(2031, 5, 6, 10, 0).atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant();
        Session first = publish(session(unique("ses"), "OFFLINE", 5, 0, start, 1));
        Session second = publish(session(unique("ses"), "OFFLINE", 5, 0, start.plus(Duration.ofMinutes(30)), 1));
        String token = participant(unique("p"));
        assertThat(register(token, first.id()).status()).isEqualTo(201);
        String body = "{\"sessionId\":\"" + second.id() + "\"}";

        Http.Response zh = http().header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .post("/api/registrations", token, body);
        assertThat(zh.status()).isEqualTo(409);
        assertThat(zh.json().get("detail").asString()).isEqualTo("与您已确认的会议“会议 " + first.id() + "”时间重叠（"
                + first.id() + "，2031-05-06 10:00 至 11:30 Asia/Shanghai）");

        Http.Response en = http().header("Accept-Language", "en").post("/api/registrations", token, body);
        assertThat(en.json().get("detail").asString()).isEqualTo("Overlaps your confirmed session 'Session "
                + first.id() + "' (" + first.id() + ", 2031-05-06 10:00 to 11:30 Asia/Shanghai)");
    }

    @Test
    void aRefusedRegistrationDoesNotCountAsAClashLater() {
        Instant start = Instant.now().plus(Duration.ofDays(6));
        Session teachersOnly = publish(with(session(unique("ses"), "OFFLINE", 5, 0, start, 1), 1, 5, 0, "PUBLISHED",
                List.of("TEACHER")));
        Session sameTime = publish(session(unique("ses"), "OFFLINE", 5, 0, start, 1));
        String token = participant(unique("p"));
        assertThat(register(token, teachersOnly.id()).status()).isEqualTo(409);
        assertThat(register(token, sameTime.id()).status()).isEqualTo(201);
        // and a cancelled one neither
        String other = participant(unique("p"));
        String id = register(other, sameTime.id()).json().get("id").asString();
        http().delete("/api/registrations/" + id, other);
        Session alsoSameTime = publish(session(unique("ses"), "OFFLINE", 5, 0, start, 1));
        assertThat(register(other, alsoSameTime.id()).status()).isEqualTo(201);
    }

    @Test
    void participantsSeeAndCancelOnlyTheirOwnRegistrations() {
        Session s = publishSession(5);
        String alice = participant(unique("alice"));
        String bob = participant(unique("bob"));
        String id = register(alice, s.id()).json().get("id").asString();
        assertThat(http().get("/api/registrations/" + id, bob).status()).isEqualTo(404);
        assertThat(http().post("/api/registrations/" + id + "/cancel", bob, null).status()).isEqualTo(404);
        assertThat(http().delete("/api/registrations/" + id, bob).status()).isEqualTo(404);
        assertThat(http().get("/api/registrations/" + id + "/qr", bob).status()).isEqualTo(404);
        assertThat(http().get("/api/registrations/mine", bob).json().size()).isZero();
        assertThat(http().get("/api/registrations/sessions/" + s.id(), bob).status()).isEqualTo(403);
        assertThat(http().get("/api/registrations/" + id, alice).json().get("status").asString())
                .isEqualTo("CONFIRMED");
        assertThat(http().get("/api/registrations/" + id, organizer()).status()).isEqualTo(200);
    }

    @Test
    void cancellingPromotesTheFirstWaitingPersonAndMineShowsPositions() {
        Session s = publishSession(1);
        String a = participant(unique("a"));
        String b = participant(unique("b"));
        String c = participant(unique("c"));
        String aId = register(a, s.id()).json().get("id").asString();
        Http.Response bReg = register(b, s.id());
        Http.Response cReg = register(c, s.id());
        assertThat(bReg.json().get("waitlistPosition").asInt()).isEqualTo(1);
        assertThat(cReg.json().get("waitlistPosition").asInt()).isEqualTo(2);

        Http.Response cancelled = http().post("/api/registrations/" + aId + "/cancel", a, "{\"reason\":\"ill\"}");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelReason").asString()).isEqualTo("PARTICIPANT");
        assertThat(http().post("/api/registrations/" + aId + "/cancel", a, null).status()).isEqualTo(200);

        var bMine = http().get("/api/registrations/mine", b).json().get(0);
        assertThat(bMine.get("status").asString()).isEqualTo("CONFIRMED");
        var cMine = http().get("/api/registrations/mine", c).json().get(0);
        assertThat(cMine.get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(cMine.get("waitlistPosition").asInt()).isEqualTo(1);

        String bId = bReg.json().get("id").asString();
        var promoted = TopicProbe.await("registration.events.v1", r -> r.value().contains(bId)
                && "WaitlistPromoted".equals(TopicProbe.header(r, "eventType")));
        assertThat(promoted.key()).isEqualTo(s.id());
        TopicProbe.await("registration.events.v1", r -> r.value().contains(aId)
                && "RegistrationCancelled".equals(TopicProbe.header(r, "eventType"))
                && r.value().contains("\"reason\":\"PARTICIPANT\"") && r.value().contains("\"reasonText\":\"ill\""));

        // a cancelled participant may register again (and queues behind c)
        Http.Response again = register(a, s.id());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("waitlistPosition").asInt()).isEqualTo(2);
    }

    @Test
    void organizerCancellationHasReasonOrganizer() {
        Session s = publishSession(2);
        String id = register(participant(unique("p")), s.id()).json().get("id").asString();
        Http.Response r = http().delete("/api/registrations/" + id, organizer());
        assertThat(r.json().get("cancelReason").asString()).isEqualTo("ORGANIZER");
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        Session s = publishSession(0);
        Session other = publishSession(3);
        String token = participant(unique("p"));
        String body = "{\"sessionId\":\"" + s.id() + "\"}";
        Http.Response first = http().post("/api/registrations", token, body, "key-1");
        Http.Response replay = http().post("/api/registrations", token, body, "key-1");
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.text()).isEqualTo(first.text());
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.header("Location")).isEqualTo(first.header("Location"));
        Http.Response reused = http().post("/api/registrations", token, "{\"sessionId\":\"" + other.id() + "\"}",
                "key-1");
        assertThat(reused.status()).isEqualTo(422);
        // without the header the second call is an ordinary "already registered"
        assertThat(http().post("/api/registrations", token, body).status()).isEqualTo(200);
    }

    @Test
    void hybridSessionsCountInPersonAndOnlineSeatsSeparately() {
        Session s = publish(session(unique("ses"), "HYBRID", 1, 1, Instant.now().plus(Duration.ofDays(4)), 1));
        Http.Response inPerson = register(participant(unique("p")), s.id());
        assertThat(inPerson.json().get("seatMode").asString()).isEqualTo("IN_PERSON");
        Http.Response online = http().post("/api/registrations", participant(unique("p")),
                "{\"sessionId\":\"" + s.id() + "\",\"seatMode\":\"ONLINE\"}");
        assertThat(online.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(register(participant(unique("p")), s.id()).json().get("status").asString())
                .isEqualTo("WAITLISTED");
        var availability = http().get("/api/registrations/sessions/" + s.id() + "/availability",
                participant("x")).json();
        assertThat(availability.get("seats").size()).isEqualTo(2);
        assertThat(availability.get("seats").get(0).get("waiting").asInt()).isEqualTo(1);
    }

    @Test
    void profileEditsAreValidatedAndPublished() {
        String sub = unique("prof");
        String token = participant(sub, Map.of("name", "陈爱丽"));
        Http.Response bad = http().put("/api/registrations/me/profile", token,
                "{\"phone\":\"12345\",\"language\":\"fr\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").size()).isEqualTo(2);
        Http.Response ok = http().put("/api/registrations/me/profile", token,
                "{\"phone\":\"+8613800138000\",\"smsConsent\":true,\"language\":\"zh\",\"country\":\"CN\","
                        + "\"affiliation\":\"BJUT\",\"audience\":\"STUDENT\",\"profileVersion\":99}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("profileVersion").asLong()).isEqualTo(2);
        assertThat(ok.json().get("name").asString()).isEqualTo("陈爱丽");
        var event = TopicProbe.await("participant.events.v1",
                r -> sub.equals(r.key()) && r.value().contains("\"profileVersion\":2"));
        assertThat(event.value()).contains("\"smsConsent\":true").contains("+8613800138000");
        // the same token again does not revert the edit nor publish anything new
        assertThat(http().get("/api/registrations/me/profile", token).json().get("profileVersion").asLong())
                .isEqualTo(2);
    }
}
