package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.eduweek.platform.teams.EditionTeamReplica;
import org.eduweek.platform.testing.ConsumerProgress;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.platform.testing.TestTokens;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;

/**
 * The organizer functions of a session belong to its edition's team, learnt from schedule.edition-teams.v1:
 * a member and an ADMIN pass, an organizer of another edition gets 403 not-on-team, a session without an edition
 * stays open to every organizer; older and redelivered team records change nothing.
 */
class EditionTeamsIT extends IntegrationTest {

    private static final String TOPIC = "schedule.edition-teams.v1";
    private static final String ALICE = TestTokens.organizer("alice");
    private static final String BOB = TestTokens.organizer("bob");
    private static final String ADMIN = TestTokens.token("ada", List.of("ADMIN"), Map.of());

    @Autowired
    MongoTemplate mongo;

    private final String edition = unique("ed-team");

    private Session sessionOf(String editionId) {
        Session s = session(unique("ses-team"), "OFFLINE", 5, 0, Instant.now().plus(Duration.ofDays(10)), 1);
        return publish(new Session(s.id(), editionId, s.sequence(), s.title(), s.start(), s.end(), s.timeZone(),
                s.mode(), s.capacityInPerson(), s.capacityOnline(), s.audience(), s.level(), s.status(),
                s.reason(), s.joinLink(), s.location()));
    }

    private String register(Session s, String participant) {
        Http.Response r = http().post("/api/registrations", participant(participant),
                "{\"sessionId\":\"" + s.id() + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json().get("id").asString();
    }

    /** Every organizer function of a session and of one of its registrations, as the given caller. */
    private List<Http.Response> organizerCalls(Session s, String registrationId, String token) {
        String base = "/api/registrations/sessions/" + s.id();
        return List.of(
                http().get(base, token),
                http().get(base + "/waitlist", token),
                http().get(base + "/check-ins?q=", token),
                http().get(base + "/export.csv", token),
                http().get("/api/registrations/" + registrationId, token),
                http().post(base + "/check-ins", token, "{\"registrationId\":\"" + registrationId + "\"}"));
    }

    private static void assertNotOnTeam(Http.Response r, String editionId) {
        assertThat(r.status()).as(r.text()).isEqualTo(403);
        assertThat(r.json().get("type").asString()).isEqualTo("https://eduweek.org/problems/not-on-team");
        assertThat(r.json().get("detail").asString())
                .isEqualTo("You are not on the team of edition " + editionId + ".");
        assertThat(r.json().get("editionId").asString()).isEqualTo(editionId);
    }

    private void sendTeam(long version, String... subjects) throws Exception {
        StringBuilder members = new StringBuilder();
        for (String subject : subjects) {
            members.append(members.isEmpty() ? "" : ",").append("""
                    {"subject":"%s","name":"%s","email":null,"addedBy":"ada","addedAt":"2026-12-01T08:00:00Z"}"""
                    .formatted(subject, subject));
        }
        String json = """
                {"editionId":"%s","version":%d,"members":[%s],"updatedAt":"2026-12-01T08:00:00Z"}"""
                .formatted(edition, version, members);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, edition, json);
            record.headers().add("eventType", "EditionTeamChanged".getBytes());
            record.headers().add("eventVersion", "1".getBytes());
            record.headers().add("eventId", java.util.UUID.randomUUID().toString().getBytes());
            producer.send(record).get();
        }
    }

    private void awaitVersion(long version) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(teams.find(edition))
                .hasValueSatisfying(t -> assertThat(t.version()).isEqualTo(version)));
    }

    @Test
    void onlyTheEditionsTeamAndAdminsRunItsRostersCheckInAndCancellations() throws Exception {
        Session s = sessionOf(edition);
        String first = register(s, unique("pat"));
        String second = register(s, unique("sam"));
        sendTeam(1, "alice");
        awaitVersion(1);

        organizerCalls(s, first, BOB).forEach(r -> assertNotOnTeam(r, edition));
        assertNotOnTeam(http().post("/api/registrations/" + second + "/cancel", BOB, null), edition);
        assertNotOnTeam(http().delete("/api/registrations/" + second, BOB), edition);
        String walkIns = "/api/registrations/sessions/" + s.id() + "/walk-ins";
        String walkIn = "{\"name\":\"Wen Li\",\"email\":\"" + unique("walkin")
                + "@example.org\",\"language\":\"en\"}";
        assertNotOnTeam(http().post(walkIns, BOB, walkIn), edition);
        Http.Response zh = http().header("Accept-Language", "zh-CN")
                .get("/api/registrations/sessions/" + s.id(), BOB);
        assertThat(zh.status()).isEqualTo(403);
        assertThat(zh.json().get("detail").asString()).isEqualTo("您不在届次 " + edition + " 的组织团队中。");
        assertThat(http().get("/api/registrations/" + first, ALICE).json().get("checkedInAt").isNull())
                .as("nothing was checked in by the refused calls").isTrue();
        assertThat(http().get("/api/registrations/" + second, ALICE).json().get("status").asString())
                .as("nothing was cancelled by the refused calls").isEqualTo("CONFIRMED");

        assertThat(organizerCalls(s, first, ALICE)).extracting(Http.Response::status).containsOnly(200);
        assertThat(organizerCalls(s, first, ADMIN)).extracting(Http.Response::status).containsOnly(200);
        assertThat(http().post("/api/registrations/" + second + "/cancel", ALICE, null).status()).isEqualTo(200);
        assertThat(http().get("/api/registrations/sessions/" + s.id() + "/check-ins?q=Wen", ALICE).text())
                .as("the refused walk-in left no one on the roster").doesNotContain("Wen Li");
        Http.Response admitted = http().post(walkIns, ALICE, walkIn);
        assertThat(admitted.status()).as(admitted.text()).isEqualTo(201);

        // a session without an edition stays open to every organizer
        Session unassigned = sessionOf(null);
        String third = register(unassigned, unique("kim"));
        assertThat(organizerCalls(unassigned, third, BOB)).extracting(Http.Response::status).containsOnly(200);
    }

    @Test
    void aTeamChangeReachesTheServiceAndOlderOrRedeliveredRecordsChangeNothing() throws Exception {
        Session s = sessionOf(edition);
        String registration = register(s, unique("pat"));
        Function<String, Integer> roster = token -> http().get("/api/registrations/sessions/" + s.id(), token)
                .status();

        sendTeam(2, "alice");
        awaitVersion(2);
        assertThat(roster.apply(BOB)).isEqualTo(403);

        sendTeam(3, "alice", "bob");
        awaitVersion(3);
        assertThat(roster.apply(BOB)).isEqualTo(200);

        // an older record arriving late, and the same record again, leave version 3 in place
        sendTeam(2, "alice");
        sendTeam(3, "alice");
        ConsumerProgress.awaitCommittedToTheEnd("registration-service", TOPIC);
        assertThat(teams.find(edition)).hasValueSatisfying(t -> {
            assertThat(t.version()).isEqualTo(3);
            assertThat(t.has("bob")).isTrue();
        });
        assertThat(roster.apply(BOB)).isEqualTo(200);

        // the replica lives in the service's database, so a restarted instance reads the same team
        assertThat(new EditionTeamReplica(mongo).find(edition)).hasValueSatisfying(
                t -> assertThat(t.has("bob")).isTrue());

        // an empty team: ADMINs only
        sendTeam(4);
        awaitVersion(4);
        assertNotOnTeam(http().get("/api/registrations/" + registration, ALICE), edition);
        assertThat(roster.apply(ALICE)).isEqualTo(403);
        assertThat(roster.apply(ADMIN)).isEqualTo(200);
    }
}
