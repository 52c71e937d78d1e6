package org.eduweek.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.eduweek.analytics.support.IntegrationTestSupport;
import org.eduweek.analytics.support.Samples;
import org.eduweek.analytics.support.Scenario;
import org.eduweek.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import tools.jackson.databind.JsonNode;

/**
 * The scripted scenario through the real broker: the figures, the compacted topics, replay equal to live, and no
 * personal data anywhere analytics writes. The steps build on each other, hence the order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScenarioIT extends IntegrationTestSupport {

    private final Scenario s = new Scenario(unique("it"));

    @Autowired
    private MongoTemplate mongo;

    @BeforeAll
    void publishScenario() {
        awaitConsumersAssigned();
        clock.set(START);
        s.events().forEach(e -> publish(e.topic(), e.key(), e.type(), e.json()));
        publish("participant.events.v1", s.participants.get(0), "ParticipantProfileChanged",
                Samples.registration("ParticipantProfileChanged"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode edition = getJson("/api/analytics/editions/" + s.edition, organizer()).path("figures");
            assertThat(edition.path("confirmed").asLong()).isEqualTo(8);
            assertThat(edition.path("notificationsSent").path("EMAIL").asLong()).isEqualTo(6);
        });
    }

    @Test
    @Order(1)
    void sessionFiguresMatchTheScript() {
        JsonNode a = getJson("/api/analytics/sessions/" + s.sessionA, organizer());
        assertThat(figures(a)).containsExactly(4L, 0L, 2L, 2L, 0L, 0L);
        assertThat(a.path("fillRate").asDouble()).isEqualTo(1.0);
        assertThat(a.path("attendanceRate").asDouble()).isEqualTo(0.5);
        assertThat(a.path("notificationsSent").path("EMAIL").asLong()).isEqualTo(5);
        assertThat(a.path("title").path("zh").asString()).isEqualTo("国际教育展");
        // four registrants: no audience group of fewer than three is named
        assertThat(a.path("breakdowns").path("audience").values()).isNotEmpty().allSatisfy(row -> assertThat(
                row.path("group").asString().equals("OTHER") || row.path("participants").asLong() >= 3).isTrue());
        assertThat(figures(getJson("/api/analytics/sessions/" + s.sessionB, organizer())))
                .containsExactly(2L, 0L, 1L, 1L, 0L, 0L);
        JsonNode c = getJson("/api/analytics/sessions/" + s.sessionC, organizer());
        assertThat(figures(c)).containsExactly(2L, 2L, 0L, 0L, 0L, 2L);
        assertThat(c.path("notificationsFailed").path("SMS").asLong()).isEqualTo(1);
    }

    @Test
    @Order(2)
    void summaryTopSessionsAndTimeSeries() {
        JsonNode summary = getJson("/api/analytics/summary?editionId=" + s.edition, organizer());
        assertThat(summary.path("editions")).hasSize(1);
        assertThat(summary.path("editions").get(0).path("fillRate").asDouble()).isEqualTo(0.5);
        assertThat(summary.path("tracks")).hasSize(2);
        assertThat(summary.path("activities")).hasSize(3);
        JsonNode top = getJson("/api/analytics/top-sessions?limit=2&editionId=" + s.edition, organizer());
        assertThat(top.get(0).path("sessionId").asString()).isEqualTo(s.sessionA);
        assertThat(top.get(1).path("sessionId").asString()).isEqualTo(s.sessionC);
        JsonNode days = getJson("/api/analytics/timeseries?scope=EDITION&interval=DAY&id=" + s.edition, organizer());
        assertThat(days.path("zone").asString()).isEqualTo("Asia/Shanghai");
        assertThat(days.path("buckets").get(0).path("start").asString()).isEqualTo("2020-10-16T00:00:00+08:00");
        assertThat(days.path("buckets").get(0).path("registrations").asLong()).isEqualTo(13);
        assertThat(days.path("buckets").get(1).path("cancellations").asLong()).isEqualTo(3);
        assertThat(get("/api/analytics/timeseries?scope=EDITION&id=" + s.edition + "&zone=Mars/Base", organizer())
                .statusCode()).isEqualTo(400);
        assertThat(get("/api/analytics/top-sessions?limit=0", organizer()).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(3)
    void noShowsAppearOnceTheSessionHasEndedWithoutAnyEvent() {
        clock.set(Instant.parse("2020-10-21T05:00:00Z"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode stats = JSON.readTree(latestByKey("analytics.session-stats.v1").get(s.sessionA).value());
            assertThat(stats.path("noShows").asLong()).isEqualTo(2);
            JsonNode summary = JSON.readTree(latestByKey("analytics.edition-summary.v1").get(s.edition).value());
            assertThat(summary.path("noShows").asLong()).isEqualTo(2);
        });
    }

    @Test
    @Order(4)
    void compactedTopicsCarryTheExpectedRecords() throws Exception {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            Map<String, ConsumerRecord<String, String>> stats = latestByKey("analytics.session-stats.v1");
            JsonNode a = JSON.readTree(stats.get(s.sessionA).value());
            assertThat(a.path("editionId").asString()).isEqualTo(s.edition);
            assertThat(a.path("confirmed").asLong()).isEqualTo(4);
            assertThat(a.path("checkedIn").asLong()).isEqualTo(2);
            assertThat(a.path("fillRate").asDouble()).isEqualTo(1.0);
            assertThat(JSON.readTree(stats.get(s.sessionC).value()).path("waitlistLength").asLong()).isEqualTo(2);
            JsonNode edition = JSON.readTree(latestByKey("analytics.edition-summary.v1").get(s.edition).value());
            assertThat(edition.path("sessions").asLong()).isEqualTo(3);
            assertThat(edition.path("confirmed").asLong()).isEqualTo(8);
            assertThat(edition.path("attendanceRate").asDouble()).isEqualTo(0.375);
            assertThat(edition.path("notificationsSent").path("SMS").asLong()).isEqualTo(2);
            assertThat(edition.path("notificationsFailed").path("SMS").asLong()).isEqualTo(1);
        });
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            for (String topic : List.of("analytics.session-stats.v1", "analytics.edition-summary.v1")) {
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
                assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
            }
        }
    }

    @Test
    @Order(5)
    void rebuildingFromTheBeginningGivesIdenticalFigures() {
        Map<String, String> live = snapshot();
        long offsetBefore = latestByKey("analytics.session-stats.v1").get(s.sessionA).offset();
        assertThat(post("/api/analytics/admin/rebuild", organizer()).statusCode()).isEqualTo(403);
        HttpResponse<String> rebuilt = post("/api/analytics/admin/rebuild", admin());
        assertThat(rebuilt.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(rebuilt.body()).path("replayed").asLong()).isGreaterThanOrEqualTo(s.events().size());
        assertThat(snapshot()).isEqualTo(live);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            ConsumerRecord<String, String> republished = latestByKey("analytics.session-stats.v1").get(s.sessionA);
            assertThat(republished.offset()).isGreaterThan(offsetBefore);
            assertThat(JSON.readTree(republished.value())).isEqualTo(JSON.readTree(live.get("topic:" + s.sessionA)));
        });
    }

    @Test
    @Order(6)
    void noPersonalDataInStoresTopicsOrExports() {
        List<String> written = new ArrayList<>();
        for (String collection : mongo.getCollectionNames()) {
            mongo.getCollection(collection).find().forEach(d -> written.add(d.toJson()));
        }
        latestByKey("analytics.session-stats.v1").values().forEach(r -> written.add(r.value()));
        latestByKey("analytics.edition-summary.v1").values().forEach(r -> written.add(r.value()));
        written.addAll(snapshot().values());
        written.add(get("/api/analytics/export.csv?report=BREAKDOWNS", organizer()).body());
        String everything = String.join("\n", written);
        assertThat(everything).contains(s.sessionA).contains("p-");
        assertThat(everything).doesNotContain(Scenario.LEAKED_NAME, Scenario.LEAKED_EMAIL, Scenario.LEAKED_PHONE,
                "scn-participant-", "Alice", "alice@", "+86138");
    }

    @Test
    @Order(7)
    void neverReadsTheParticipantTopic() throws Exception {
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            var offsets = admin.listConsumerGroupOffsets("analytics-service").partitionsToOffsetAndMetadata().get();
            assertThat(offsets.keySet()).extracting(tp -> tp.topic()).contains("registration.events.v1")
                    .doesNotContain("participant.events.v1");
        }
    }

    @Test
    @Order(8)
    void csvExportIsUtf8WithBom() {
        HttpResponse<String> csv = get("/api/analytics/export.csv?editionId=" + s.edition, organizer());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv")
                .containsIgnoringCase("charset=UTF-8");
        assertThat(csv.body()).startsWith("\uFEFFsessionId,editionId");
        assertThat(csv.body().lines()).hasSize(4);
        assertThat(csv.body()).contains(s.sessionA + "," + s.edition).contains("国际教育展");
    }

    private static List<Long> figures(JsonNode n) {
        return List.of(n.path("confirmed").asLong(), n.path("waitlisted").asLong(), n.path("cancelled").asLong(),
                n.path("checkedIn").asLong(), n.path("noShows").asLong(), n.path("waitlistLength").asLong());
    }

    private Map<String, String> snapshot() {
        Map<String, String> all = new java.util.TreeMap<>();
        for (String session : List.of(s.sessionA, s.sessionB, s.sessionC)) {
            all.put(session, get("/api/analytics/sessions/" + session, organizer()).body());
            var record = latestByKey("analytics.session-stats.v1").get(session);
            all.put("topic:" + session, record == null ? null : record.value());
        }
        all.put("edition", get("/api/analytics/editions/" + s.edition, organizer()).body());
        all.put("track", get("/api/analytics/tracks/" + s.track1, organizer()).body());
        all.put("summary", get("/api/analytics/summary?editionId=" + s.edition, organizer()).body());
        all.put("series", get("/api/analytics/timeseries?scope=EDITION&id=" + s.edition, organizer()).body());
        all.put("csv", get("/api/analytics/export.csv?editionId=" + s.edition, organizer()).body());
        return all;
    }
}
