package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Outside the local profile, with only {@code OIDC_ISSUER_URI} configured: the gateway starts and serves while the
 * provider is down, sign-in works once it is up, and only the provider's tokens are trusted (the development
 * issuer's default is not). The tests run in order: the provider is started by the second one.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcProviderOutageIT extends GatewayTestBase {

    static final StubOpenIdProvider PROVIDER = StubOpenIdProvider.notStarted();

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("OIDC_ISSUER_URI", PROVIDER::issuer);
        // no JWT_ISSUER: the provider people sign in with is the one issuer trusted
        registry.add("eduweek.security.issuer", () -> "");
        registry.add("OIDC_CLIENT_ID", () -> StubOpenIdProvider.CLIENT_ID);
        registry.add("OIDC_CLIENT_SECRET", () -> StubOpenIdProvider.CLIENT_SECRET);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.stop();
    }

    @Test
    @Order(1)
    void startsAndServesWhileTheProviderIsDown() {
        Browser browser = new Browser(port);
        assertThat(browser.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(browser.get("/api/schedule/sessions").statusCode()).isEqualTo(200);
        HttpResponse<String> me = browser.get("/auth/me");
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("\"signedIn\":false").contains("/oauth2/authorization/keycloak");

        HttpResponse<String> signIn = browser.get("/oauth2/authorization/keycloak");
        assertThat(signIn.statusCode()).isEqualTo(503);
        assertThat(signIn.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(signIn.body()).contains("\"status\":503").contains("identity provider");

        // a script's token of that provider cannot be checked while its keys cannot be read: 503, not a 500 or a 401
        String path = "/api/registrations/sized/5?down=" + UUID.randomUUID();
        client().get().uri(path).header("Authorization", bearer(PROVIDER.accessToken(List.of("PARTICIPANT"))))
                .exchange().expectStatus().isEqualTo(503)
                .expectHeader().valueEquals("Retry-After", "5")
                .expectHeader().contentType("application/problem+json")
                .expectBody(String.class).value(body -> assertThat(body).contains("\"status\":503")
                        .contains("sign-in provider cannot be reached").doesNotContain("Exception"));
        assertThat(BACKEND.requestsTo(path)).isEmpty();
    }

    @Test
    @Order(2)
    void signInWorksOnceTheProviderIsUp() {
        PROVIDER.start();
        Browser browser = new Browser(port);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250)).until(
                () -> browser.get("/oauth2/authorization/keycloak").statusCode() == 302);
        HttpResponse<String> start = browser.get("/oauth2/authorization/keycloak");
        HttpResponse<String> back = browser.get(start.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> landed = browser.get(back.headers().firstValue("Location").orElseThrow());
        assertThat(landed.statusCode()).isEqualTo(302);

        String path = "/api/registrations/sized/6?outage=" + UUID.randomUUID();
        assertThat(browser.get(path).statusCode()).isEqualTo(200);
        assertThat(BACKEND.requestsTo(path).get(0).header("Authorization")).startsWith("Bearer ey");
    }

    @Test
    @Order(3)
    void trustsOnlyTheProvidersTokensOutsideTheLocalProfile() {
        String path = "/api/registrations/sized/7?trust=" + UUID.randomUUID();
        client().get().uri(path).header("Authorization", bearer(PROVIDER.accessToken(List.of("PARTICIPANT"))))
                .exchange().expectStatus().isOk();
        client().get().uri(path).header("Authorization", bearer(TestTokens.participant("dev"))).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().valueMatches("WWW-Authenticate", "Bearer.*invalid_token.*");
        assertThat(BACKEND.requestsTo(path)).hasSize(1);
    }
}
