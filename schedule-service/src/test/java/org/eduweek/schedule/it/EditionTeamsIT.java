package org.eduweek.schedule.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.platform.testing.TestTokens;
import org.eduweek.schedule.ScheduleIntegrationTest;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * Edition teams: who may write an edition's programme (ADMIN or a member), the team endpoints, {@code mine=true},
 * and the team published on the compacted {@code schedule.edition-teams.v1}.
 */
class EditionTeamsIT extends ScheduleIntegrationTest {

    private static final String TEAMS_TOPIC = "schedule.edition-teams.v1";
    private static final String OSCAR = TestTokens.organizer("oscar");
    private static final String ADMIN = TestTokens.token("ada", List.of("ADMIN"), Map.of());

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String edition = "it-team-" + suffix;

    private void createEdition(String id, String token) {
        Answer a = post("/api/schedule/editions", token, """
                {"id":"%s","name":{"en":"Team week","zh":"团队周"},"startDate":"2032-03-01","endDate":"2032-03-05",
                 "timeZone":"Europe/Berlin","campuses":["Main"]}""".formatted(id));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
    }

    private Answer session(String token, String title, String room) {
        return post("/api/schedule/sessions", token, """
                {"editionId":"%s","title":"%s","start":"2032-03-02T09:00:00+01:00","end":"2032-03-02T10:00:00+01:00",
                 "mode":"OFFLINE","capacity":20,"venue":{"campus":"Main","building":"T-%s","room":"%s"}}"""
                .formatted(edition, title, suffix, room));
    }

    private Answer team(String method, String subject, String token, String body) {
        return call(method, "/api/schedule/editions/" + edition + "/team" + (subject == null ? "" : "/" + subject),
                token, body);
    }

    private static void assertNotOnTeam(Answer a, String editionId) {
        assertThat(a.status()).as(a.text()).isEqualTo(403);
        assertThat(a.body().get("type").asString()).isEqualTo("https://eduweek.org/problems/not-on-team");
        assertThat(a.body().get("title").asString()).isEqualTo("Not on this edition's team");
        assertThat(a.body().get("detail").asString())
                .isEqualTo("You are not on the team of edition " + editionId + ".");
        assertThat(a.body().get("editionId").asString()).isEqualTo(editionId);
    }

    @Test
    void theCreatorIsTheFirstMemberAndAnOrganizerOfAnotherEditionIsRefusedEveryWrite() {
        createEdition(edition, ORGANIZER);
        Answer t = team("GET", null, ORGANIZER, null);
        assertThat(t.status()).as(t.text()).isEqualTo(200);
        assertThat(t.body().get("editionId").asString()).isEqualTo(edition);
        assertThat(t.body().get("version").asLong()).isEqualTo(1);
        assertThat(t.body().get("members").findValuesAsString("subject")).containsExactly("olivia");
        assertThat(team("GET", null, OSCAR, null).status()).as("any organizer may read a team").isEqualTo(200);
        assertThat(team("GET", null, PARTICIPANT, null).status()).isEqualTo(403);

        // the member's writes pass
        Answer s = session(ORGANIZER, "Member's session", "1");
        assertThat(s.status()).as(s.text()).isEqualTo(201);
        String sessionId = s.body().get("id").asString();
        Answer track = post("/api/schedule/tracks", ORGANIZER, """
                {"id":"trk-%s","editionId":"%s","title":{"en":"Track"}}""".formatted(suffix, edition));
        assertThat(track.status()).as(track.text()).isEqualTo(201);
        Answer activity = post("/api/schedule/activities", ORGANIZER, """
                {"id":"act-%s","editionId":"%s","type":"LECTURE","title":{"en":"Activity"}}"""
                .formatted(suffix, edition));
        assertThat(activity.status()).as(activity.text()).isEqualTo(201);

        // an organizer of another edition: 403 not-on-team on every write, in both languages, nothing written
        String editionBody = """
                {"name":{"en":"Renamed"},"startDate":"2032-03-01","endDate":"2032-03-05","timeZone":"Europe/Berlin"}""";
        String sessionBody = """
                {"title":"Hijacked","start":"2032-03-02T09:00:00+01:00","end":"2032-03-02T10:00:00+01:00",
                 "mode":"OFFLINE","capacity":20,"venue":{"campus":"Main","building":"T-%s","room":"1"}}"""
                .formatted(suffix);
        List<Answer> refused = List.of(
                call("PUT", "/api/schedule/editions/" + edition, OSCAR, editionBody),
                call("DELETE", "/api/schedule/editions/" + edition, OSCAR, null),
                session(OSCAR, "Outsider's session", "2"),
                call("PUT", "/api/schedule/sessions/" + sessionId, OSCAR, sessionBody),
                post("/api/schedule/sessions/" + sessionId + "/cancel", OSCAR, null),
                post("/api/schedule/sessions/" + sessionId + "/restore", OSCAR, null),
                post("/api/schedule/sessions/" + sessionId + "/publish", OSCAR, null),
                call("DELETE", "/api/schedule/sessions/" + sessionId, OSCAR, null),
                post("/api/schedule/editions/" + edition + "/releases", OSCAR, null),
                post("/api/schedule/tracks", OSCAR, """
                        {"editionId":"%s","title":{"en":"Outsider track"}}""".formatted(edition)),
                call("PUT", "/api/schedule/tracks/trk-" + suffix, OSCAR, """
                        {"editionId":"%s","title":{"en":"Renamed"}}""".formatted(edition)),
                call("DELETE", "/api/schedule/tracks/trk-" + suffix, OSCAR, null),
                post("/api/schedule/activities", OSCAR, """
                        {"editionId":"%s","type":"LECTURE","title":{"en":"Outsider"}}""".formatted(edition)),
                call("PUT", "/api/schedule/activities/act-" + suffix, OSCAR, """
                        {"editionId":"%s","type":"LECTURE","title":{"en":"Renamed"}}""".formatted(edition)),
                call("DELETE", "/api/schedule/activities/act-" + suffix, OSCAR, null),
                team("PUT", "oscar", OSCAR, "{\"name\":\"Oscar\"}"),
                team("DELETE", "olivia", OSCAR, null));
        refused.forEach(a -> assertNotOnTeam(a, edition));

        Answer zh = call("PUT", "/api/schedule/editions/" + edition, OSCAR, editionBody, "Accept-Language", "zh-CN");
        assertThat(zh.status()).isEqualTo(403);
        assertThat(zh.body().get("type").asString()).isEqualTo("https://eduweek.org/problems/not-on-team");
        assertThat(zh.body().get("title").asString()).isEqualTo("您不在本届活动的组织团队中");
        assertThat(zh.body().get("detail").asString()).isEqualTo("您不在届次 " + edition + " 的组织团队中。");
        assertThat(zh.body().get("editionId").asString()).isEqualTo(edition);

        Answer stillThere = call("GET", "/api/schedule/sessions/" + sessionId + "?view=draft", ORGANIZER, null);
        assertThat(stillThere.body().get("title").asString()).isEqualTo("Member's session");
        assertThat(get("/api/schedule/editions/" + edition).body().get("name").asString()).isEqualTo("Team week");
        assertThat(get("/api/schedule/tracks?editionId=" + edition).body().size()).isEqualTo(1);
        assertThat(team("GET", null, ORGANIZER, null).body().get("version").asLong()).isEqualTo(1);

        // reference data shared across editions stays open to every organizer
        Answer venue = post("/api/schedule/venues", OSCAR, """
                {"campus":"Main","building":"Shared-%s","room":"1","capacity":30}""".formatted(suffix));
        assertThat(venue.status()).as(venue.text()).isEqualTo(201);

        // an ADMIN passes without being a member
        Answer byAdmin = post("/api/schedule/tracks", ADMIN, """
                {"editionId":"%s","title":{"en":"Admin's track"}}""".formatted(edition));
        assertThat(byAdmin.status()).as(byAdmin.text()).isEqualTo(201);
        assertThat(post("/api/schedule/editions/" + edition + "/releases", ORGANIZER, null).status()).isEqualTo(201);
    }

    @Test
    void membersManageTheTeamIdempotentlyAndAnEmptyTeamLeavesTheEditionToAdmins() {
        KafkaConsumer<String, String> consumer = consumer(TEAMS_TOPIC);
        createEdition(edition, ORGANIZER);

        Answer added = team("PUT", "oscar", ORGANIZER, "{\"name\":\"Oscar\",\"email\":\"oscar@example.org\"}");
        assertThat(added.status()).as(added.text()).isEqualTo(200);
        assertThat(added.body().get("version").asLong()).isEqualTo(2);
        assertThat(added.body().get("members").findValuesAsString("subject")).containsExactly("olivia", "oscar");
        JsonNode oscar = added.body().get("members").get(1);
        assertThat(oscar.get("addedBy").asString()).isEqualTo("olivia");
        assertThat(oscar.get("email").asString()).isEqualTo("oscar@example.org");
        Answer again = team("PUT", "oscar", ORGANIZER, "{\"name\":\"Oscar\",\"email\":\"oscar@example.org\"}");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().get("version").asLong()).as("the same PUT changes nothing").isEqualTo(2);
        assertThat(team("PUT", "bad%20subject%21", ORGANIZER, "{\"name\":\"X\"}").status()).isEqualTo(400);
        assertThat(team("PUT", "x", ORGANIZER, "{}").status()).isEqualTo(400);

        assertThat(session(OSCAR, "Now a member", "1").status()).as("a new member may write").isEqualTo(201);
        assertThat(mine(OSCAR)).contains(edition);
        assertThat(mine(ADMIN)).contains(edition, "iew-2020");

        Answer removed = team("DELETE", "olivia", OSCAR, null);
        assertThat(removed.status()).as(removed.text()).isEqualTo(200);
        assertThat(removed.body().get("version").asLong()).isEqualTo(3);
        assertThat(team("DELETE", "olivia", OSCAR, null).body().get("version").asLong())
                .as("removing someone absent changes nothing").isEqualTo(3);
        assertNotOnTeam(session(ORGANIZER, "Olivia left", "2"), edition);
        assertThat(mine(ORGANIZER)).doesNotContain(edition);

        Answer last = team("DELETE", "oscar", OSCAR, null);
        assertThat(last.status()).as("the last member only by an ADMIN").isEqualTo(403);
        assertThat(last.body().get("detail").asString())
                .isEqualTo("Only an ADMIN may remove the last member of the team of edition " + edition);
        Answer emptied = team("DELETE", "oscar", ADMIN, null);
        assertThat(emptied.status()).isEqualTo(200);
        assertThat(emptied.body().get("members").size()).isZero();
        assertThat(emptied.body().get("version").asLong()).isEqualTo(4);

        assertNotOnTeam(session(OSCAR, "Empty team", "3"), edition);
        assertThat(session(ADMIN, "Admin only now", "3").status()).isEqualTo(201);
        assertNotOnTeam(team("PUT", "oscar", OSCAR, "{\"name\":\"Oscar\"}"), edition);
        assertThat(team("PUT", "oscar", ADMIN, "{\"name\":\"Oscar\"}").body().get("version").asLong()).isEqualTo(5);

        // every change, and only changes, reached the compacted topic, keyed by edition, versions growing
        List<ConsumerRecord<String, String>> records = teamRecords(consumer, edition, 5);
        assertThat(records).extracting(r -> JSON.readTree(r.value()).get("version").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(records).extracting(r -> header(r, "eventType")).containsOnly("EditionTeamChanged");
        JsonNode latest = JSON.readTree(records.get(4).value());
        assertThat(latest.get("editionId").asString()).isEqualTo(edition);
        assertThat(latest.get("members").findValuesAsString("subject")).containsExactly("oscar");
        assertThat(latest.get("updatedAt").asString()).isNotBlank();
    }

    @Test
    void theSeededEditionHasNoTeamSoOnlyAdminsManageIt() {
        Answer t = call("GET", "/api/schedule/editions/iew-2020/team", ORGANIZER, null);
        assertThat(t.status()).isEqualTo(200);
        assertThat(t.body().get("members").size()).isZero();
        assertNotOnTeam(post("/api/schedule/editions/iew-2020/releases", ORGANIZER, null), "iew-2020");
        assertThat(mine(ORGANIZER)).doesNotContain("iew-2020");
        assertThat(call("GET", "/api/schedule/editions?mine=true", null, null).status()).isEqualTo(401);
        assertThat(team("GET", null, ADMIN, null).status()).as("unknown edition").isEqualTo(404);
    }

    @Test
    void theTeamsTopicIsCompacted() throws Exception {
        createEdition(edition, ORGANIZER);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, TEAMS_TOPIC);
            String policy = admin.describeConfigs(List.of(topic)).all().get().get(topic).get("cleanup.policy")
                    .value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    private List<String> mine(String token) {
        Answer a = call("GET", "/api/schedule/editions?mine=true", token, null);
        assertThat(a.status()).as(a.text()).isEqualTo(200);
        return a.body().findValuesAsString("id");
    }

    private static List<ConsumerRecord<String, String>> teamRecords(KafkaConsumer<String, String> c, String key,
            int expected) {
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        try (c) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (all.size() < expected && System.nanoTime() < deadline) {
                c.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        all.add(r);
                    }
                });
            }
        }
        return all;
    }
}
