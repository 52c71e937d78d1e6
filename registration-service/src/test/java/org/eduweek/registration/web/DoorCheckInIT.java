package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.TopicProbe;

/** What the door page relies on: the roster with counts and search, manual check-in, and scans sent more than once. */
class DoorCheckInIT extends IntegrationTest {

    @Test
    void aScanSentManyTimesAtOnceAndReplayedChecksInOnceWithOneEvent() throws Exception {
        Session s = publishSession(5);
        String token = participant(unique("p"), Map.of("name", "Zhang Wei"));
        String id = http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}").json().get("id")
                .asString();
        String qr = http().get("/api/registrations/" + id + "/qr-token", token).json().get("token").asString();
        String path = "/api/registrations/sessions/" + s.id() + "/check-ins";
        String body = "{\"token\":\"" + qr + "\"}";
        String key = UUID.randomUUID().toString();

        // a door device that lost the answers sends its queued scan again, and a second device scans the same ticket
        List<Callable<Http.Response>> sends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String k = i % 2 == 0 ? key : UUID.randomUUID().toString();
            sends.add(() -> http().post(path, organizer(), body, k));
        }
        List<Http.Response> answers = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Http.Response> f : pool.invokeAll(sends)) {
                answers.add(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        // the same key while its first request runs is 409 idempotency-in-progress; the device retries it later
        assertThat(answers).allSatisfy(a -> assertThat(a.status()).isIn(200, 409));
        List<Http.Response> ok = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(ok.stream().filter(a -> !a.json().get("alreadyCheckedIn").asBoolean())
                .filter(a -> a.header("Idempotent-Replayed") == null).count())
                .as("exactly one request checked the person in").isEqualTo(1);
        assertThat(ok).allSatisfy(a -> {
            assertThat(a.json().get("participantName").asString()).isEqualTo("Zhang Wei");
            assertThat(a.json().get("registration").get("attendance").asString()).isEqualTo("CHECKED_IN");
        });

        Http.Response replay = http().post(path, organizer(), body, key);
        assertThat(replay.status()).isEqualTo(200);
        Http.Response again = http().post(path, organizer(), body, UUID.randomUUID().toString());
        assertThat(again.json().get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(again.json().get("registration").get("checkedInAt").asString())
                .isEqualTo(ok.get(0).json().get("registration").get("checkedInAt").asString());

        TopicProbe.await("registration.events.v1", r -> r.value().contains(id)
                && "ParticipantCheckedIn".equals(TopicProbe.header(r, "eventType")));
        assertThat(TopicProbe.collect("registration.events.v1", r -> r.value().contains(id)
                && "ParticipantCheckedIn".equals(TopicProbe.header(r, "eventType")), Duration.ofSeconds(3)))
                .as("one ParticipantCheckedIn however often the scan was sent").hasSize(1);
        assertThat(roster(s, "limit=0").get("checkedIn").asInt()).isEqualTo(1);
    }

    @Test
    void theRosterCountsAndFindsPeopleWhoAreThenCheckedInByHand() {
        Session s = publishSession(5);
        Session other = publishSession(5);
        String ana = participant(unique("ana"), Map.of("name", "Ana María Núñez", "email", "ana@example.org"));
        String li = participant(unique("li"), Map.of("name", "李明"));
        String anaReg = http().post("/api/registrations", ana, "{\"sessionId\":\"" + s.id() + "\"}").json().get("id")
                .asString();
        http().post("/api/registrations", li, "{\"sessionId\":\"" + s.id() + "\"}");
        String elsewhere = http().post("/api/registrations", participant(unique("o")),
                "{\"sessionId\":\"" + other.id() + "\"}").json()
                .get("id").asString();

        var counts = roster(s, "limit=0");
        assertThat(counts.get("confirmed").asInt()).isEqualTo(2);
        assertThat(counts.get("checkedIn").asInt()).isZero();
        assertThat(counts.get("people")).isEmpty();
        assertThat(roster(s, "").get("people")).hasSize(2);
        var found = roster(s, "q=nunez%20ANA").get("people");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("name").asString()).isEqualTo("Ana María Núñez");
        assertThat(found.get(0).get("registrationId").asString()).isEqualTo(anaReg);
        assertThat(roster(s, "q=example.org").get("people")).hasSize(1);
        assertThat(roster(s, "q=%E6%9D%8E").get("people").get(0).get("name").asString()).isEqualTo("李明");

        String path = "/api/registrations/sessions/" + s.id() + "/check-ins";
        Http.Response first = http().post(path, organizer(), "{\"registrationId\":\"" + anaReg + "\"}");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("alreadyCheckedIn").asBoolean()).isFalse();
        assertThat(first.json().get("participantName").asString()).isEqualTo("Ana María Núñez");
        assertThat(http().post(path, organizer(), "{\"registrationId\":\"" + anaReg + "\"}").json()
                .get("alreadyCheckedIn").asBoolean()).isTrue();
        assertThat(roster(s, "q=ana").get("people").get(0).get("checkedInAt").isNull()).isFalse();
        assertThat(roster(s, "limit=0").get("checkedIn").asInt()).isEqualTo(1);

        assertThat(http().post(path, organizer(), "{\"registrationId\":\"" + elsewhere + "\"}").status())
                .as("a registration of another session is not found here").isEqualTo(404);
        Http.Response both = http().post(path, organizer(), "{\"registrationId\":\"" + anaReg + "\",\"token\":\"x\"}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(http().header("Accept-Language", "zh-CN").post(path, organizer(), "{}").json().get("detail")
                .asString()).contains("请提供");
        assertThat(http().get(path + "?limit=500", organizer()).status()).isEqualTo(400);
        assertThat(http().get(path, ana).status()).as("participants cannot read the roster").isEqualTo(403);
        assertThat(http().get("/api/registrations/sessions/nope/check-ins", organizer()).status()).isEqualTo(404);
    }

    private tools.jackson.databind.JsonNode roster(Session s, String query) {
        Http.Response r = http().get("/api/registrations/sessions/" + s.id() + "/check-ins?" + query, organizer());
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json();
    }
}
