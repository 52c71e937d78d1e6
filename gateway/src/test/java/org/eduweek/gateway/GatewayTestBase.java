package org.eduweek.gateway;

import java.time.Duration;

import org.eduweek.platform.testing.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One gateway context for every full-context test (same configuration, so Spring caches it): all routes lead to
 * {@link #BACKEND}, except notifications, which lead to {@link #NOTIFICATIONS} so a test can stop that service.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "eduweek.gateway.rate-limits.registration-writes.capacity=3",
        "eduweek.gateway.rate-limits.registration-writes.refill-tokens=3",
        "eduweek.gateway.rate-limits.api.capacity=100000",
        "eduweek.gateway.rate-limits.api.refill-tokens=100000",
        "eduweek.gateway.portal-origins=https://portal.example.edu",
        // outside the local profile the gateway trusts only the issuer it is given: the one of TestTokens
        "eduweek.security.issuer=" + TestTokens.ISSUER,
        "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s",
        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state=200ms",
        "resilience4j.circuitbreaker.configs.default.minimum-number-of-calls=3" })
abstract class GatewayTestBase {

    static final StubBackend BACKEND = StubBackend.started();
    static final StubBackend NOTIFICATIONS = StubBackend.started();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("SCHEDULE_URL", BACKEND::url);
        registry.add("REGISTRATION_URL", BACKEND::url);
        registry.add("ANALYTICS_URL", BACKEND::url);
        registry.add("NOTIFICATION_URL", NOTIFICATIONS::url);
        registry.add("STACK_URL", BACKEND::url);
        registry.add("eduweek.security.jwk-set-uri", () -> BACKEND.url() + "/.well-known/jwks.json");
    }

    WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }
}
