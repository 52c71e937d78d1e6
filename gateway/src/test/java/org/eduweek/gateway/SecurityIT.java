package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

class SecurityIT extends GatewayTestBase {

    static List<String> forgedTokens() throws Exception {
        Instant hourAhead = Instant.now().plusSeconds(3600);
        List<String> roles = List.of("ORGANIZER");
        // Same kid as the trusted key, different key material: only the signature tells them apart.
        RSAKey impostor = new RSAKey.Builder(TestTokens.otherKey()).keyID(TestTokens.key().getKeyID()).build();
        return List.of(
                unsigned(),
                TestTokens.sign(impostor, "mallory", roles, Map.of(), TestTokens.ISSUER, TestTokens.AUDIENCE,
                        hourAhead),
                TestTokens.sign(TestTokens.key(), "mallory", roles, Map.of(), TestTokens.ISSUER,
                        TestTokens.AUDIENCE, Instant.now().minusSeconds(600)),
                TestTokens.sign(TestTokens.key(), "mallory", roles, Map.of(), "https://evil.example",
                        TestTokens.AUDIENCE, hourAhead),
                TestTokens.sign(TestTokens.key(), "mallory", roles, Map.of(), TestTokens.ISSUER, "other-app",
                        hourAhead),
                hmacWithPublicKey(),
                "not-a-jwt",
                // a month-long token (beyond JWT_MAX_LIFETIME), one issued in the future, one that never expires
                TestTokens.sign(TestTokens.key(), "mallory", roles, Map.of(), TestTokens.ISSUER,
                        TestTokens.AUDIENCE, Instant.now().plusSeconds(30L * 24 * 3600)),
                TestTokens.sign(TestTokens.key(), "mallory", roles,
                        Map.of("iat", java.util.Date.from(Instant.now().plusSeconds(1800))), TestTokens.ISSUER,
                        TestTokens.AUDIENCE, hourAhead),
                TestTokens.sign(TestTokens.key(), "mallory", roles, withoutExpiry(), TestTokens.ISSUER,
                        TestTokens.AUDIENCE, hourAhead));
    }

    private static Map<String, Object> withoutExpiry() {
        Map<String, Object> claims = new java.util.HashMap<>();
        claims.put("exp", null);
        return claims;
    }

    @ParameterizedTest
    @MethodSource("forgedTokens")
    void rejectsForgedTokensWithoutReachingTheService(String token) {
        String path = "/api/registrations/forged-" + UUID.randomUUID();
        client().get().uri(path).header("Authorization", bearer(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.errors").isArray();
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void rejectsAnInvalidTokenEvenOnAPublicPath() {
        String path = "/api/schedule/sessions/public-" + UUID.randomUUID();
        client().get().uri(path).header("Authorization", bearer(unsigned())).exchange()
                .expectStatus().isUnauthorized();
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void letsAnonymousVisitorsBrowseTheProgramme() {
        client().get().uri("/api/schedule/sessions").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.path").isEqualTo("/api/schedule/sessions");
    }

    @Test
    void requiresATokenForEverythingElse() {
        client().post().uri("/api/registrations").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sessionId\":\"s1\"}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer")
                .expectBody().jsonPath("$.type").isEqualTo("https://eduweek.org/problems/unauthorized");
        client().get().uri("/api/notifications/preferences").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void forwardsTheBearerTokenToTheService() {
        String token = TestTokens.participant("alice");
        client().get().uri("/api/registrations/mine").header("Authorization", bearer(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.authorization").isEqualTo(bearer(token));
    }

    @Test
    void keepsParticipantsAwayFromOrganizerOperations() {
        String participant = bearer(TestTokens.participant("pat"));
        String path = "/api/schedule/sessions/edge-" + UUID.randomUUID();
        client().post().uri(path).header("Authorization", participant).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\":\"x\"}").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("https://eduweek.org/problems/forbidden");
        client().delete().uri(path).header("Authorization", participant).exchange().expectStatus().isForbidden();
        client().get().uri("/api/analytics/sessions/s1").header("Authorization", participant).exchange()
                .expectStatus().isForbidden();
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void keepsParticipantsAwayFromOtherServicesOrganizerOperations() {
        String participant = bearer(TestTokens.participant("pat"));
        client().get().uri("/api/registrations/sessions/s1").header("Authorization", participant).exchange()
                .expectStatus().isForbidden();
        client().post().uri("/api/registrations/sessions/s1/check-ins").header("Authorization", participant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"code\":\"x\"}").exchange()
                .expectStatus().isForbidden();
        client().post().uri("/api/notifications/announcements").header("Authorization", participant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isForbidden();
        int accountCalls = BACKEND.requestsTo("/api/accounts").size();
        client().post().uri("/api/registrations/sessions/s1/walk-ins").header("Authorization", participant)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"name\":\"A\",\"email\":\"a@b.org\"}")
                .exchange().expectStatus().isForbidden();
        client().get().uri("/api/accounts?q=a").header("Authorization", participant).exchange()
                .expectStatus().isForbidden();
        client().put().uri("/api/accounts/u1/roles/ORGANIZER").header("Authorization", participant).exchange()
                .expectStatus().isForbidden();
        assertThat(BACKEND.requestsTo("/api/accounts")).hasSize(accountCalls);
        // What a participant may do on the same prefixes still passes.
        client().get().uri("/api/registrations/sessions/s1/availability").header("Authorization", participant)
                .exchange().expectStatus().isOk();
    }

    @Test
    void letsAnyoneReadSeatsAndCalendarFeedsButNothingElseOnThosePaths() {
        client().get().uri("/api/registrations/sessions/s1/availability").exchange().expectStatus().isOk();
        client().get().uri("/api/registrations/calendar/feed-secret.ics").exchange().expectStatus().isOk();
        client().post().uri("/api/registrations/sessions/s1/availability").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/registrations/sessions/s1/waitlist").exchange().expectStatus().isUnauthorized();
        client().get().uri("/api/registrations/mine").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void acceptsATokenInTheQueryOnlyOnEventStreamPaths() {
        String path = "/api/analytics/sessions/query-" + UUID.randomUUID();
        client().get().uri(path + "?access_token=" + TestTokens.organizer("olga")).exchange()
                .expectStatus().isUnauthorized();
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    void letsOrganizersThrough() {
        String organizer = bearer(TestTokens.organizer("olga"));
        client().post().uri("/api/schedule/sessions").header("Authorization", organizer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"title\":\"Opening\"}").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.method").isEqualTo("POST").jsonPath("$.body").isEqualTo("{\"title\":\"Opening\"}");
        client().get().uri("/api/analytics/sessions/s1").header("Authorization", organizer).exchange()
                .expectStatus().isOk();
        // accounts are registration-service's (which lets only admins change roles)
        client().get().uri("/api/accounts?q=ada").header("Authorization", organizer).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.path").isEqualTo("/api/accounts");
        client().post().uri("/api/registrations/sessions/s1/walk-ins").header("Authorization", organizer)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isOk();
    }

    @Test
    void hidesInternalAndOperatorEndpoints() {
        client().get().uri("/fallback/schedule").header("Authorization", bearer(TestTokens.organizer("olga")))
                .exchange().expectStatus().isForbidden();
        client().get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
        // metrics live on the management port only (ManagementPortIT)
        client().get().uri("/actuator/prometheus").header("Authorization",
                bearer(TestTokens.token("root", List.of("ADMIN"), Map.of()))).exchange().expectStatus().isNotFound();
        client().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void doesNotRouteDevEndpointsOutsideTheLocalProfile() {
        String token = bearer(TestTokens.participant("alice"));
        client().post().uri("/api/auth/dev-token").contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isUnauthorized();
        client().post().uri("/api/auth/dev-token").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isNotFound();
        client().get().uri("/api/dev/emails").header("Authorization", token).exchange().expectStatus().isNotFound();
        assertThat(BACKEND.requestsTo("/api/auth")).isEmpty();
        assertThat(BACKEND.requestsTo("/api/dev")).isEmpty();
    }

    private static String unsigned() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"sub\":\"mallory\",\"iss\":\"" + TestTokens.ISSUER
                + "\",\"aud\":\"eduweek\",\"roles\":[\"ADMIN\"],\"exp\":" + (Instant.now().getEpochSecond() + 3600)
                + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    /** The classic algorithm-confusion attack: HS256 keyed with the (public) RSA key. */
    private static String hmacWithPublicKey() throws Exception {
        byte[] secret = TestTokens.key().toRSAPublicKey().getEncoded();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(TestTokens.key().getKeyID())
                .build(), new JWTClaimsSet.Builder().subject("mallory").issuer(TestTokens.ISSUER)
                        .audience(TestTokens.AUDIENCE).expirationTime(java.util.Date.from(Instant.now().plusSeconds(3600)))
                        .claim("roles", List.of("ADMIN")).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
    }
}
