package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway outside the local profile, configured like production: {@code JWT_ISSUER} names the realm and
 * {@code OIDC_ISSUER_URI} the same provider. A token of the embedded dev provider is refused with a 401 problem
 * before any service sees it, even though the provider's published keys would verify its signature; the realm's
 * token is relayed. The same rule as every service's (TrustedIssuers in platform-tokens).
 */
class ProductionIssuerIT extends GatewayTestBase {

    static final String REALM = "https://sso.example.edu/realms/eduweek";

    @DynamicPropertySource
    static void realm(DynamicPropertyRegistry registry) {
        registry.add("eduweek.security.issuer", () -> REALM);
    }

    @Test
    void refusesTheDevProvidersTokenAndRelaysTheRealms() {
        String path = "/api/registrations/dev-" + UUID.randomUUID();
        String devToken = TestTokens.token("mallory", List.of("ADMIN"), Map.of());
        client().get().uri(path).header("Authorization", bearer(devToken)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.errors").isArray();
        assertThat(BACKEND.requestsTo(path)).isEmpty();

        String relayed = "/api/registrations/realm-" + UUID.randomUUID();
        String realmToken = TestTokens.sign(TestTokens.key(), "alice", List.of("PARTICIPANT"), Map.of(), REALM,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(600));
        client().get().uri(relayed).header("Authorization", bearer(realmToken)).exchange()
                .expectStatus().value(status -> assertThat(status).isNotEqualTo(401).isNotEqualTo(403));
        assertThat(BACKEND.requestsTo(relayed)).isNotEmpty();
    }
}
