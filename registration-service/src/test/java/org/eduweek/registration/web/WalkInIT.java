package org.eduweek.registration.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import org.eduweek.registration.domain.Participant;
import org.eduweek.registration.domain.Profiles;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.domain.SeatMode;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.StubKeycloak;

import static org.assertj.core.api.Assertions.assertThat;

/** A walk-in at the door, against the stub of Keycloak's admin API: invited or found, registered, checked in. */
class WalkInIT extends IntegrationTest {

    private final StubKeycloak keycloak = StubKeycloak.shared();
    @Autowired
    private Profiles profiles;
    @Autowired
    private Registrations registrations;
    @Autowired
    private SeatLedger ledger;

    @AfterEach
    void mailsWork() {
        keycloak.failMails(false);
    }

    private static String path(Session s) {
        return "/api/registrations/sessions/" + s.id() + "/walk-ins";
    }

    private static String body(String name, String email, String language) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"language\":\"" + language + "\"}";
    }

    private JsonNode roster(Session s) {
        return http().get("/api/registrations/sessions/" + s.id() + "/check-ins?limit=50", organizer()).json();
    }

    @Test
    void aNewPersonIsInvitedRegisteredAndCheckedIn() {
        Session s = publishSession(3);
        String email = unique("walkin") + "@example.org";

        Http.Response r = http().post(path(s), organizer(), body("李 明", email, "zh"), unique("key"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("invited").asBoolean()).isTrue();
        assertThat(r.json().path("seatMode").asString()).isEqualTo("IN_PERSON");
        assertThat(r.json().path("participantName").asString()).isEqualTo("李 明");
        assertThat(r.json().path("checkedInAt").isNull()).isFalse();
        String subject = r.json().path("participantId").asString();
        List<StubKeycloak.User> made = keycloak.usersWithEmail(email);
        assertThat(made).hasSize(1);
        assertThat(made.get(0).id()).isEqualTo(subject);
        assertThat(made.get(0).firstName()).isEqualTo("李");
        assertThat(made.get(0).lastName()).isEqualTo("明");
        assertThat(made.get(0).attributes()).containsEntry("locale", List.of("zh-Hans"));
        assertThat(keycloak.mails()).filteredOn(m -> m.userId().equals(subject)).singleElement()
                .satisfies(m -> assertThat(m.actions()).containsExactly("UPDATE_PASSWORD", "VERIFY_EMAIL"));

        Participant profile = profiles.find(subject).orElseThrow();
        assertThat(profile.name()).isEqualTo("李 明");
        assertThat(profile.email()).isEqualTo(email);
        assertThat(profile.language()).isEqualTo("zh");
        JsonNode roster = roster(s);
        assertThat(roster.path("confirmed").asInt()).isEqualTo(1);
        assertThat(roster.path("checkedIn").asInt()).isEqualTo(1);
        assertThat(roster.path("people").get(0).path("name").asString()).isEqualTo("李 明");
        assertThat(ledger.find(s.id(), SeatMode.IN_PERSON).free()).isEqualTo(2);
    }

    @Test
    void anExistingAccountIsReusedNotInvited() {
        Session s = publishSession(3);
        String email = unique("known") + "@example.org";
        String id = keycloak.addUser(email, "Grace", "Hopper", "PARTICIPANT");

        Http.Response r = http().post(path(s), organizer(), body("G. Hopper", email.toUpperCase(), "en"),
                unique("key"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("invited").asBoolean()).isFalse();
        assertThat(r.json().path("participantId").asString()).isEqualTo(id);
        assertThat(r.json().path("participantName").asString()).isEqualTo("Grace Hopper");
        assertThat(keycloak.usersWithEmail(email)).hasSize(1);
        assertThat(keycloak.mails()).noneMatch(m -> m.userId().equals(id));
        assertThat(roster(s).path("checkedIn").asInt()).isEqualTo(1);
    }

    @Test
    void someoneAlreadyRegisteredIsCheckedInOnTheirRegistration() {
        Session s = publishSession(3);
        String email = unique("reg") + "@example.org";
        String id = keycloak.addUser(email, "Hua", "Luo", "PARTICIPANT");
        Http.Response own = http().post("/api/registrations", participant(id,
                Map.of("name", "Hua Luo", "email", email)), "{\"sessionId\":\"" + s.id() + "\"}");
        assertThat(own.status()).isEqualTo(201);

        Http.Response r = http().post(path(s), organizer(), body("Hua Luo", email, "en"), unique("key"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("registrationId").asString()).isEqualTo(own.json().path("id").asString());
        assertThat(registrations.ofSession(s.id(), null)).hasSize(1);
        assertThat(roster(s).path("checkedIn").asInt()).isEqualTo(1);
    }

    @Test
    void aFullSessionRefusesBeforeAnyoneIsInvitedOrAnythingWritten() {
        Session s = publishSession(1);
        String first = unique("p");
        assertThat(http().post("/api/registrations", participant(first), "{\"sessionId\":\"" + s.id() + "\"}")
                .json().path("status").asString()).isEqualTo("CONFIRMED");
        String email = unique("late") + "@example.org";

        Http.Response r = http().header("Accept-Language", "zh").post(path(s), organizer(),
                body("Late Comer", email, "en"), unique("key"));

        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().path("type").asString()).endsWith("/conflict");
        assertThat(r.json().path("detail").asString()).contains("没有空余座位").contains("会议 " + s.id());
        assertThat(keycloak.usersWithEmail(email)).isEmpty();
        assertThat(registrations.ofSession(s.id(), null)).hasSize(1);
        assertThat(ledger.find(s.id(), SeatMode.IN_PERSON).free()).isZero();
    }

    @Test
    void aRetryWithTheSameKeyReplaysAndARetryAfterACrashDuplicatesNothing() {
        Session s = publishSession(5);
        String email = unique("retry") + "@example.org";
        String key = unique("key");

        Http.Response first = http().post(path(s), organizer(), body("Ada Lovelace", email, "en"), key);
        Http.Response replay = http().post(path(s), organizer(), body("Ada Lovelace", email, "en"), key);
        // a door whose first answer was lost and that lost its key too (the worst case) sends it again
        Http.Response again = http().post(path(s), organizer(), body("Ada Lovelace", email, "en"), unique("key"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json()).isEqualTo(first.json());
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("registrationId").asString())
                .isEqualTo(first.json().path("registrationId").asString());
        assertThat(again.json().path("checkedInAt").asString()).isEqualTo(first.json().path("checkedInAt").asString());
        assertThat(again.json().path("invited").asBoolean()).isFalse();
        assertThat(keycloak.usersWithEmail(email)).hasSize(1);
        String subject = first.json().path("participantId").asString();
        assertThat(keycloak.mails()).filteredOn(m -> m.userId().equals(subject)).hasSize(1);
        assertThat(registrations.ofSession(s.id(), null)).hasSize(1);
        assertThat(ledger.find(s.id(), SeatMode.IN_PERSON).free()).isEqualTo(4);
    }

    @Test
    void aCrashAfterTheInvitationIsCompletedByTheRetry() {
        Session s = publishSession(2);
        String email = unique("crash") + "@example.org";
        // what a crash right after the invitation leaves: the account, and nothing of ours
        String invited = keycloak.addUser(email, "Mei", "Chen", "PARTICIPANT");

        Http.Response r = http().post(path(s), organizer(), body("Mei Chen", email, "en"), unique("key"));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().path("participantId").asString()).isEqualTo(invited);
        assertThat(keycloak.usersWithEmail(email)).hasSize(1);
        assertThat(profiles.find(invited)).isPresent();
        assertThat(roster(s).path("checkedIn").asInt()).isEqualTo(1);
    }

    @Test
    void anInvitationThatCannotBeMailedLeavesNoAccountAndNoRegistration() {
        Session s = publishSession(2);
        String email = unique("nomail") + "@example.org";
        keycloak.failMails(true);

        Http.Response r = http().post(path(s), organizer(), body("No Mail", email, "en"), unique("key"));

        assertThat(r.status()).isEqualTo(503);
        assertThat(r.json().path("type").asString()).endsWith("/identity-admin-unavailable");
        assertThat(keycloak.usersWithEmail(email)).isEmpty();
        assertThat(registrations.ofSession(s.id(), null)).isEmpty();
    }

    @Test
    void badInputIsAFieldProblemAndParticipantsMayNotAdmitWalkIns() {
        Session s = publishSession(2);
        Http.Response bad = http().header("Accept-Language", "zh").post(path(s), organizer(),
                body("", "not-an-email", "fr"), unique("key"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsString("field")).contains("name", "email", "language");
        Http.Response refused = http().post(path(s), organizer(), body("Re Fused", unique("r") + "@refused.example.org",
                "en"), unique("key"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("email");
        assertThat(registrations.ofSession(s.id(), null)).isEmpty();
        assertThat(http().post(path(s), participant(unique("p")), body("A B", unique("x") + "@example.org", "en"),
                unique("key")).status()).isEqualTo(403);
        assertThat(http().post("/api/registrations/sessions/nope/walk-ins", organizer(),
                body("A B", unique("x") + "@example.org", "en"), unique("key")).status()).isEqualTo(404);
        Session cancelled = publish(with(session(unique("ses"), "OFFLINE", 2, 0,
                Instant.now().plus(Duration.ofDays(3)), 1), 2, 2, 0, "CANCELLED", List.of()));
        assertThat(http().post(path(cancelled), organizer(), body("A B", unique("x") + "@example.org", "en"),
                unique("key")).status()).isEqualTo(409);
    }
}
