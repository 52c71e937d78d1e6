package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eduweek.local.launcher.ServiceProcess;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The registration flow end to end: the embedded stack and all five service jars started by the launcher's own code
 * on free ports and a temporary data folder (the platform {@link SharedPlatform} shares with the other end-to-end
 * tests), driven over HTTP through the gateway only. Each service has a visible part
 * in the assertions (session, registration, email, analytics count, events on their topics), so the test fails if
 * any one is taken out of the flow.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPlatform.Extension.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformFlowIT {

    private static final Duration FLOW_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private SharedPlatform shared;
    private Platform platform;

    // Filled by the flow test, checked again after the restart.
    private String sessionId;
    private String registrationId;
    private String participantToken;
    private String participantTokenRequest;

    @BeforeAll
    void usePlatform(SharedPlatform shared) {
        this.shared = shared;
        this.platform = shared.platform();
    }

    @Test
    @Order(1)
    void registrationFlowsFromSessionToEmailAnalyticsAndEvents() throws Exception {
        String organizerToken = token("{\"sub\":\"it-organizer\",\"roles\":[\"ORGANIZER\"]}");
        String participant = "it-alice-" + UUID.randomUUID().toString().substring(0, 8);
        participantTokenRequest = "{\"sub\":\"" + participant + "\",\"name\":\"Alice Chen\",\"email\":\"" + participant
                + "@example.edu\",\"roles\":[\"PARTICIPANT\"],\"locale\":\"en\"}";
        participantToken = token(participantTokenRequest);
        String title = "IT Opening Ceremony " + UUID.randomUUID().toString().substring(0, 8);

        // an edition of its own: the one-call path would otherwise land the session in whichever edition of another
        // test covers tomorrow, whose team this organizer is not on
        String editionId = "it-flow-" + UUID.randomUUID().toString().substring(0, 8);
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(8)); // session(title, 1, 2): tomorrow, two hours
        HttpResponse<String> edition = send("POST", "/api/schedule/editions", organizerToken, """
                {"id":"%s","name":{"en":"Platform flow","zh":"平台流程"},"startDate":"%s","endDate":"%s",
                 "timeZone":"Asia/Shanghai","campuses":["Pingyuan"]}""".formatted(editionId, today.plusDays(1),
                today.plusDays(2)));
        assertThat(edition.statusCode()).as(edition.body()).isEqualTo(201);
        HttpResponse<String> created = send("POST", "/api/schedule/sessions", organizerToken,
                session(title, 1, 2).replaceFirst("\\{", "{\"editionId\":\"" + editionId + "\","));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        sessionId = json.readTree(created.body()).path("id").asText();
        assertThat(sessionId).isNotBlank();

        // registration-service learns about the session from SessionScheduled: 404 until its replica has it.
        AtomicReference<JsonNode> registration = new AtomicReference<>();
        await("registration accepted").atMost(FLOW_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
            HttpResponse<String> response = send("POST", "/api/registrations", participantToken,
                    "{\"sessionId\":\"" + sessionId + "\"}");
            if (response.statusCode() == 404) {
                return false;
            }
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            registration.set(json.readTree(response.body()));
            return true;
        });
        assertThat(registration.get().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(registration.get().path("sessionId").asText()).isEqualTo(sessionId);
        registrationId = registration.get().path("id").asText();
        String participantId = registration.get().path("participantId").asText();

        await("confirmation email with the session title").atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            JsonNode emails = json.readTree(send("GET", "/api/dev/emails?to=" + participant + "@example.edu", null, null)
                    .body());
            assertThat(emails).anySatisfy(email -> assertThat(email.path("subject").asText() + " "
                    + email.path("text").asText() + " " + email.path("html").asText()).contains(title));
        });

        await("analytics counts the confirmation").atMost(FLOW_TIMEOUT).untilAsserted(() -> {
            HttpResponse<String> stats = send("GET", "/api/analytics/sessions/" + sessionId, organizerToken, null);
            assertThat(stats.statusCode()).as(stats.body()).isEqualTo(200);
            assertThat(json.readTree(stats.body()).path("confirmed").asInt()).isEqualTo(1);
        });

        List<ConsumerRecord<String, String>> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("schedule.events.v1", "registration.events.v1", "participant.events.v1",
                    "notification.events.v1", "analytics.session-stats.v1"));
            await("events on their topics").atMost(FLOW_TIMEOUT).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(events::add);
                assertThat(events).anySatisfy(r -> event(r, "schedule.events.v1", "SessionScheduled", sessionId));
                assertThat(events).anySatisfy(r -> event(r, "registration.events.v1", "RegistrationCreated", sessionId));
                assertThat(events).anySatisfy(r -> event(r, "participant.events.v1", "ParticipantProfileChanged",
                        participantId));
                assertThat(events).anySatisfy(r -> event(r, "notification.events.v1", "NotificationSent",
                        participantId));
                assertThat(events).anySatisfy(r -> {
                    assertThat(r.topic()).isEqualTo("analytics.session-stats.v1");
                    assertThat(r.key()).isEqualTo(sessionId);
                });
            });
        }
        // Personal data travels only on participant.events.v1.
        assertThat(events).filteredOn(r -> !r.topic().equals("participant.events.v1"))
                .noneSatisfy(r -> assertThat(r.value()).contains(participant + "@example.edu"));
    }

    @Test
    @Order(2)
    void badInputThroughTheGatewayGetsProblemBodiesAndPublishesNothing() throws Exception {
        String organizerToken = token("{\"sub\":\"it-organizer\",\"roles\":[\"ORGANIZER\"]}");
        String participant = token("{\"sub\":\"it-bob\",\"roles\":[\"PARTICIPANT\"]}");
        String badTitle = "IT never published " + UUID.randomUUID();

        assertProblem(send("POST", "/api/schedule/sessions", organizerToken, "{\"title\": \"x\", \"start\": "), 400);
        assertProblem(send("POST", "/api/schedule/sessions", organizerToken, session(badTitle, 3, -2)), 400);
        assertProblem(send("POST", "/api/registrations", participant, "{\"sessionId\":\"no-such-session\"}"), 404);
        assertProblem(send("POST", "/api/registrations", participant, "{\"sessionId\":"), 400);
        assertProblem(send("POST", "/api/schedule/sessions", null, session(badTitle, 3, 1)), 401);
        assertProblem(send("POST", "/api/schedule/sessions", forgedToken(), session(badTitle, 3, 1)), 401);
        assertProblem(send("POST", "/api/schedule/sessions", participant, session(badTitle, 3, 1)), 403);
        assertProblem(send("POST", "/api/auth/dev-token", null, "{\"roles\":[\"KING\"]}"), 400);

        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of("schedule.events.v1"));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            await().atMost(FLOW_TIMEOUT).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
                return records.stream().anyMatch(r -> sessionId == null || sessionId.equals(r.key()));
            });
            assertThat(records).noneSatisfy(r -> assertThat(r.value()).contains(badTitle));
        }
    }

    @Test
    @Order(2)
    void eventOnlyConsumersRunAtALowerCpuPriorityThanTheRequestPath() throws Exception {
        for (ServiceProcess process : platform.processes()) {
            Path stat = Path.of("/proc", Long.toString(process.pid()), "task");
            if (!Files.isDirectory(stat)) {
                return; // not Linux: nothing to read the niceness from
            }
            int expected = process.spec().isBackgroundConsumer() ? PlatformOptions.DEFAULT_BACKGROUND_NICE : 0;
            // every thread, not only the main one: a renice of the pid would have missed the JVM's worker threads
            try (var tasks = Files.list(stat)) {
                for (Path task : tasks.toList()) {
                    if (!Files.exists(task.resolve("stat"))) {
                        continue; // the thread ended in between
                    }
                    assertThat(niceness(task.resolve("stat"))).as(process.spec() + " thread " + task.getFileName())
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    @Order(2)
    void everyProcessServesItsMetricsOnItsOwnLoopbackManagementPortOnly() throws Exception {
        for (ServiceProcess process : platform.processes()) {
            int management = platform.managementPort(process.spec());
            assertThat(management).as(process.spec() + " management port").isNotEqualTo(process.port());
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(platform.managementUrl(
                    process.spec()) + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).as(process.spec() + " metrics").isEqualTo(200);
            assertThat(metrics.body()).contains("application=\"" + process.spec().module() + "\"");
            HttpResponse<String> publicPort = http.send(HttpRequest.newBuilder(URI.create(process.url()
                    + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(publicPort.statusCode()).as(process.spec() + " public port").isIn(401, 404);
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(process.url() + "/readyz"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).as(process.spec() + " /readyz").isEqualTo(200);
        }
        // through the gateway: neither its own metrics nor a service's
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/health", null, null).body()).isEqualTo("{\"status\":\"UP\"}");
    }

    /** Field 19 of /proc/.../stat, counted after the parenthesised command name (which may hold spaces). */
    private static int niceness(Path stat) throws java.io.IOException {
        String line = Files.readString(stat);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    @Test
    @Order(3)
    void restartOnTheSameDataAndOtherPortsKeepsSessionsAndRegistrations() throws Exception {
        assertThat(sessionId).as("the flow test ran first").isNotNull();
        // the shared platform's restart picks new free ports on purpose: nothing stored may depend on them
        Platform previous = shared.restart();
        for (ServiceProcess process : previous.processes()) {
            assertThat(process.isAlive()).as(process.spec() + " stopped").isFalse();
        }
        platform = shared.platform();

        // The issuer is the stack's URL, which moved with its port: the same participant signs in again.
        participantToken = token(participantTokenRequest);
        HttpResponse<String> session = send("GET", "/api/schedule/sessions/" + sessionId, participantToken, null);
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        HttpResponse<String> again = send("POST", "/api/registrations", participantToken,
                "{\"sessionId\":\"" + sessionId + "\"}");
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).path("id").asText()).isEqualTo(registrationId);
        assertThat(json.readTree(again.body()).path("status").asText()).isEqualTo("CONFIRMED");
    }

    private String session(String title, int daysAhead, int hours) {
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(daysAhead).truncatedTo(ChronoUnit.HOURS);
        return """
                {"title":{"en":"%s","zh":"%s"},"start":"%s","end":"%s","timeZone":"Asia/Shanghai","mode":"OFFLINE",
                 "capacity":50,"venue":{"campus":"Pingyuan","building":"Library","room":"A101"},"joinLink":null,
                 "publish":true}""".formatted(title, title, start, start.plusHours(hours));
    }

    private String token(String body) throws Exception {
        HttpResponse<String> response = send("POST", "/api/auth/dev-token", null, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }

    /** Right claims, wrong key: the gateway and the services must refuse it. */
    private String forgedToken() throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).keyID("forged").generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("mallory").issuer(platform.stack().issuer())
                .audience("eduweek").claim("roles", List.of("ORGANIZER", "ADMIN"))
                .expirationTime(new java.util.Date(System.currentTimeMillis() + 600_000)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private void assertProblem(HttpResponse<String> response, int status) throws Exception {
        assertThat(response.statusCode()).as(response.request().uri() + " -> " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.has("title")).isTrue();
    }

    private void event(ConsumerRecord<String, String> record, String topic, String type, String key) {
        assertThat(record.topic()).isEqualTo(topic);
        assertThat(header(record, "eventType")).isEqualTo(type);
        assertThat(record.key()).isEqualTo(key);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8).replace("\"", "");
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of("bootstrap.servers", platform.kafkaBootstrapServers(),
                "group.id", "platform-flow-it-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "metadata.max.age.ms", "1000", "key.deserializer", StringDeserializer.class.getName(),
                "value.deserializer", StringDeserializer.class.getName()));
    }

    private HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json, application/problem+json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
