package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;

import tools.jackson.databind.JsonNode;

/** The join link of an online session is given with a confirmed registration only. */
class JoinLinkIT extends IntegrationTest {

    private static String joinLink(JsonNode registration) {
        JsonNode link = registration.get("joinLink");
        return link == null || link.isNull() ? null : link.asString();
    }

    private JsonNode mine(String token, String registrationId) {
        for (JsonNode r : http().get("/api/registrations/mine", token).json()) {
            if (r.get("id").asString().equals(registrationId)) {
                return r;
            }
        }
        throw new AssertionError("not in /mine: " + registrationId);
    }

    @Test
    void aConfirmedRegistrationShowsTheJoinLinkAndAWaitlistedOneDoesNot() {
        Session s = publish(session(unique("ses-online"), "ONLINE", 0, 1, Instant.now().plus(Duration.ofDays(10)), 1));
        String alice = participant(unique("alice"));
        String bob = participant(unique("bob"));

        Http.Response confirmed = http().post("/api/registrations", alice, "{\"sessionId\":\"" + s.id() + "\"}");
        Http.Response waitlisted = http().post("/api/registrations", bob, "{\"sessionId\":\"" + s.id() + "\"}");

        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        String aliceId = confirmed.json().get("id").asString();
        assertThat(joinLink(confirmed.json())).isEqualTo(s.joinLink()).isNotNull();
        assertThat(joinLink(http().get("/api/registrations/" + aliceId, alice).json())).isEqualTo(s.joinLink());
        assertThat(joinLink(mine(alice, aliceId))).isEqualTo(s.joinLink());

        assertThat(waitlisted.json().get("status").asString()).isEqualTo("WAITLISTED");
        String bobId = waitlisted.json().get("id").asString();
        assertThat(joinLink(waitlisted.json())).isNull();
        assertThat(joinLink(http().get("/api/registrations/" + bobId, bob).json())).isNull();
        assertThat(joinLink(mine(bob, bobId))).isNull();
        assertThat(http().get("/api/registrations/" + bobId, bob).text()).doesNotContain(s.joinLink());
    }

    @Test
    void cancellingTakesTheLinkAwayAndThePromotedParticipantGetsIt() {
        Session s = publish(session(unique("ses-online"), "ONLINE", 0, 1, Instant.now().plus(Duration.ofDays(10)), 1));
        String alice = participant(unique("alice"));
        String bob = participant(unique("bob"));
        String aliceId = http().post("/api/registrations", alice, "{\"sessionId\":\"" + s.id() + "\"}").json()
                .get("id").asString();
        String bobId = http().post("/api/registrations", bob, "{\"sessionId\":\"" + s.id() + "\"}").json()
                .get("id").asString();

        Http.Response cancelled = http().post("/api/registrations/" + aliceId + "/cancel", alice, null);

        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(joinLink(cancelled.json())).isNull();
        assertThat(joinLink(mine(alice, aliceId))).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode promoted = http().get("/api/registrations/" + bobId, bob).json();
            assertThat(promoted.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(joinLink(promoted)).isEqualTo(s.joinLink());
        });
    }

    @Test
    void anInPersonSessionHasNoJoinLinkToShow() {
        Session s = publishSession(5);

        Http.Response confirmed = http().post("/api/registrations", participant(unique("carol")),
                "{\"sessionId\":\"" + s.id() + "\"}");

        assertThat(confirmed.json().get("status").asString()).isEqualTo("CONFIRMED");
        assertThat(joinLink(confirmed.json())).isNull();
    }
}
