package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.TopicProbe;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RegistrationFlowIT extends IntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void participantRegistersAndBothEventsReachKafka() {
        Session s = publishSession(5);
        String alice = unique("alice");
        String token = participant(alice, Map.of("name", "Alice Chen", "phone_number", "+8613800138000",
                "locale", "zh"));

        Http.Response r = http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.header("Location")).isEqualTo("/api/registrations/" + r.json().get("id").asString());
        assertThat(r.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(r.json().get("participantId").asString()).isEqualTo(alice);
        assertThat(r.json().get("seatMode").asString()).isEqualTo("IN_PERSON");
        assertThat(r.json().get("waitlistPosition").isNull()).isTrue();
        assertThat(r.json().get("createdAt").isString()).isTrue();

        var created = TopicProbe.await("registration.events.v1",
                rec -> rec.value().contains(r.json().get("id").asString()));
        assertThat(created.key()).isEqualTo(s.id());
        assertThat(TopicProbe.header(created, "eventType")).isEqualTo("RegistrationCreated");
        assertThat(TopicProbe.header(created, "eventVersion")).isEqualTo("1");
        JsonNode event = JSON.readTree(created.value());
        assertThat(event.get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(event.get("sessionSequence").asLong()).isEqualTo(1);
        assertThat(event.has("name")).as("no personal data on registration events").isFalse();

        var profile = TopicProbe.await("participant.events.v1", rec -> alice.equals(rec.key()));
        assertThat(TopicProbe.header(profile, "eventType")).isEqualTo("ParticipantProfileChanged");
        JsonNode p = JSON.readTree(profile.value());
        assertThat(p.get("name").asString()).isEqualTo("Alice Chen");
        assertThat(p.get("phone").asString()).isEqualTo("+8613800138000");
        assertThat(p.get("language").asString()).isEqualTo("zh");
        assertThat(p.get("profileVersion").asLong()).isEqualTo(1);
    }

    @Test
    void secondRegistrationReturnsTheExistingOneWith200() {
        Session s = publishSession(5);
        String token = participant(unique("bob"));
        Http.Response first = http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}");
        Http.Response again = http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
    }

    @Test
    void changedTokenClaimsUpdateTheProfileWhenRegisteringAgain() {
        String sub = unique("erin");
        Session s = publishSession(5);
        Session t = publish(session(unique("ses"), "OFFLINE", 5, 0, s.start().plus(java.time.Duration.ofHours(4)), 1));
        assertThat(http().post("/api/registrations", participant(sub, Map.of("name", "Erin Old")),
                "{\"sessionId\":\"" + s.id() + "\"}").status()).isEqualTo(201);
        String renamed = participant(sub, Map.of("name", "Erin New"));
        assertThat(http().post("/api/registrations", renamed, "{\"sessionId\":\"" + t.id() + "\"}").status())
                .isEqualTo(201);

        var profile = http().get("/api/registrations/me/profile", renamed).json();
        assertThat(profile.get("name").asString()).isEqualTo("Erin New");
        assertThat(profile.get("profileVersion").asLong()).isEqualTo(2);
        var event = TopicProbe.await("participant.events.v1",
                rec -> sub.equals(rec.key()) && rec.value().contains("\"profileVersion\":2"));
        assertThat(event.value()).contains("Erin New");
        assertThat(http().get("/api/registrations/mine", renamed).json().size()).isEqualTo(2);
    }

    @Test
    void theChosenTimeZoneIsKeptInTheProfileAndTravelsOnItsEvent() {
        String sub = unique("tz");
        String token = participant(sub);
        Http.Response set = http().put("/api/registrations/me/profile", token, "{\"timeZone\":\"Europe/Berlin\"}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(set.json().get("timeZone").asString()).isEqualTo("Europe/Berlin");
        assertThat(http().get("/api/registrations/me/profile", token).json().get("timeZone").asString())
                .isEqualTo("Europe/Berlin");
        var event = TopicProbe.await("participant.events.v1",
                rec -> sub.equals(rec.key()) && rec.value().contains("\"timeZone\":\"Europe/Berlin\""));
        assertThat(JSON.readTree(event.value()).get("profileVersion").asLong()).isEqualTo(2);

        Http.Response bad = http().put("/api/registrations/me/profile", token, "{\"timeZone\":\"Europe/Atlantis\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("timeZone");
        assertThat(http().get("/api/registrations/me/profile", token).json().get("timeZone").asString())
                .isEqualTo("Europe/Berlin");

        Http.Response cleared = http().put("/api/registrations/me/profile", token, "{\"timeZone\":\"\"}");
        assertThat(cleared.json().get("timeZone").isNull()).isTrue();
    }

    @Test
    void unknownSessionIsANotFoundProblem() {
        Http.Response r = http().post("/api/registrations", participant(unique("carol")),
                "{\"sessionId\":\"no-such-session\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("type").asString()).isEqualTo("https://eduweek.org/problems/not-found");
        assertThat(r.json().get("errors").isArray()).isTrue();
    }

    @Test
    void serverOwnedFieldsInTheBodyAreIgnored() {
        Session s = publishSession(0);
        String dave = unique("dave");
        Http.Response r = http().post("/api/registrations", participant(dave), "{\"sessionId\":\"" + s.id()
                + "\",\"status\":\"CONFIRMED\",\"participantId\":\"mallory\",\"id\":\"mine\",\"waitlistPosition\":0}");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("status").asString()).isEqualTo("WAITLISTED");
        assertThat(r.json().get("participantId").asString()).isEqualTo(dave);
        assertThat(r.json().get("id").asString()).isNotEqualTo("mine");
        assertThat(r.json().get("waitlistPosition").asInt()).isEqualTo(1);
    }
}
