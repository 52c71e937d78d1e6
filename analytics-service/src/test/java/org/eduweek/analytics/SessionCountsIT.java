package org.eduweek.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eduweek.analytics.support.IntegrationTestSupport;
import org.eduweek.analytics.support.Samples;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/** Milestone 1: the producers' samples flow in, the counts come out over HTTP and on the compacted topic. */
class SessionCountsIT extends IntegrationTestSupport {

    @Test
    void countsGoldenSampleRegistrationsAndPublishesSessionStats() {
        String session = unique("ses");
        publish("schedule.events.v1", session, "SessionScheduled",
                rewrite(Samples.schedule("SessionScheduled"), "ses-fair-2020", session));
        publish("registration.events.v1", session, "RegistrationCreated",
                rewrite(Samples.registration("RegistrationCreated"), "ses-fair-2020", session, "reg-7f3a9c",
                        unique("reg")));
        String waitlisted = rewrite(Samples.registration("RegistrationCreated"), "ses-fair-2020", session,
                "reg-7f3a9c", unique("reg"), "CONFIRMED", "WAITLISTED", "alice", "bob",
                "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f", "1c2d3e4f-0000-4c7d-8e9f-0a1b2c3d4e5f");
        publish("registration.events.v1", session, "RegistrationCreated", waitlisted);
        publish("registration.events.v1", session, "RegistrationCreated", waitlisted);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode body = getJson("/api/analytics/sessions/" + session, organizer());
            assertThat(body.path("confirmed").asLong()).isEqualTo(1);
            assertThat(body.path("waitlisted").asLong()).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            var record = latestByKey("analytics.session-stats.v1").get(session);
            assertThat(record).isNotNull();
            JsonNode stats = JSON.readTree(record.value());
            assertThat(stats.path("confirmed").asLong()).isEqualTo(1);
            assertThat(stats.path("waitlisted").asLong()).isEqualTo(1);
            assertThat(stats.path("capacity").path("inPerson").asInt()).isEqualTo(300);
            assertThat(new String(record.headers().lastHeader("eventType").value())).isEqualTo("SessionStats");
        });
    }

    @Test
    void parksAnUnreadableRegistrationEventInTheDeadLetterTopicAndCountsTheRest() {
        String session = unique("ses");
        publish("registration.events.v1", session, "RegistrationCreated", "{\"registrationId\": oops");
        publish("registration.events.v1", session, "RegistrationCreated",
                rewrite(Samples.registration("RegistrationCreated"), "ses-fair-2020", session, "reg-7f3a9c",
                        unique("reg")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                getJson("/api/analytics/sessions/" + session, organizer()).path("confirmed").asLong()).isEqualTo(1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            var parked = latestByKey("analytics-service.dlq").get(session);
            assertThat(parked).isNotNull();
            assertThat(parked.value()).contains("oops");
            assertThat(new String(parked.headers().lastHeader("x-original-topic").value()))
                    .isEqualTo("registration.events.v1");
        });
    }

    @Test
    void servesItsOpenApiDocumentWithoutAToken() {
        var docs = get("/v3/api-docs", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/analytics/sessions/{id}", "/api/analytics/stream",
                "/api/analytics/export.csv", "/api/analytics/admin/rebuild", "bearer");
    }

    @Test
    void answersNotFoundForAnUnknownSessionAndForbiddenForParticipants() {
        assertThat(get("/api/analytics/sessions/nope", organizer()).statusCode()).isEqualTo(404);
        assertThat(get("/api/analytics/sessions/nope",
                org.eduweek.platform.testing.TestTokens.participant("alice")).statusCode()).isEqualTo(403);
        assertThat(get("/api/analytics/sessions/nope", null).statusCode()).isEqualTo(401);
    }
}
