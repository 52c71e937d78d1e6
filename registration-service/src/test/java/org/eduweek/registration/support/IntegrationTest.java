package org.eduweek.registration.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.eduweek.platform.teams.EditionTeam;
import org.eduweek.platform.teams.EditionTeamReplica;
import org.eduweek.platform.teams.TeamMember;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.eduweek.platform.testing.MutableClock;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.platform.testing.TestTokens;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.domain.SessionLifecycle;

/**
 * Every IT extends this one class with the same configuration, so the Spring context (and Kafka, MongoDB) is
 * started once per test JVM. Tests isolate themselves by fresh session and participant ids.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "eduweek.registration.reconcile-interval=1h",
        "eduweek.outbox.sweep-interval=500ms",
        "eduweek.registration.qr-secret=integration-tests-qr-secret-4f9c2b7e1d3a" })
@Import(TestBeans.class)
public abstract class IntegrationTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "eduweek-registration-it");
        // Keycloak's admin API as a stub in this JVM (accounts, walk-in invitations); short timeouts for the
        // unreachable case
        StubKeycloak keycloak = StubKeycloak.shared();
        registry.add("eduweek.identity-admin.url", keycloak::url);
        registry.add("eduweek.identity-admin.client-id", () -> StubKeycloak.CLIENT_ID);
        registry.add("eduweek.identity-admin.client-secret", () -> StubKeycloak.CLIENT_SECRET);
        registry.add("eduweek.identity-admin.connect-timeout", () -> "500ms");
        registry.add("eduweek.identity-admin.read-timeout", () -> "1s");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected MutableClock clock;
    @Autowired
    protected SessionLifecycle lifecycle;

    @Autowired
    protected EditionTeamReplica teams;

    /**
     * The organizer these tests act as ({@link #organizer()}, org-1) is on the team of the edition their sessions
     * belong to (iew-2020), as schedule-service's team record would have told this service.
     */
    @BeforeEach
    void organizerOnTheTeam() {
        teams.apply(new EditionTeam("iew-2020", 1, List.of(new TeamMember("org-1", "Organizer One",
                "org-1@example.org", "admin", Instant.parse("2026-01-01T00:00:00Z"))), Instant.parse("2026-01-01T00:00:00Z")));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected Http http() {
        return new Http("http://127.0.0.1:" + port);
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static String participant(String sub) {
        return TestTokens.participant(sub);
    }

    protected static String participant(String sub, Map<String, Object> claims) {
        return TestTokens.token(sub, List.of("PARTICIPANT"), claims);
    }

    protected static String organizer() {
        return TestTokens.organizer("org-1");
    }

    /** A published in-person session starting in 10 days, applied as the schedule's event would be. */
    protected Session publishSession(int seats) {
        return publish(session(unique("ses"), "OFFLINE", seats, 0, Instant.now().plus(Duration.ofDays(10)), 1));
    }

    protected Session publish(Session s) {
        lifecycle.apply(s);
        return s;
    }

    protected static Session session(String id, String mode, int inPerson, int online, Instant start, long seq) {
        return new Session(id, "iew-2020", seq, Map.of("en", "Session " + id, "zh", "会议 " + id), start,
                start.plus(Duration.ofMinutes(90)), "Asia/Shanghai", mode, inPerson, online, List.of(), null,
                "PUBLISHED", null, "OFFLINE".equals(mode) ? null : "https://meet.example.edu/" + id);
    }

    protected static Session with(Session s, long seq, int inPerson, int online, String status, List<String> audience) {
        return new Session(s.id(), s.editionId(), seq, s.title(), s.start(), s.end(), s.timeZone(), s.mode(),
                inPerson, online, audience, s.level(), status, "CANCELLED".equals(status) ? "Weather" : null,
                s.joinLink());
    }
}
