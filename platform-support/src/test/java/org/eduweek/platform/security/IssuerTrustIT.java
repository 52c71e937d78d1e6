package org.eduweek.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.platform.testing.TestTokens;

/**
 * A service outside the local profile, configured like production with one issuer ({@code JWT_ISSUER}) and its
 * keys: a token of the embedded dev provider is refused with a 401 problem even when its signature checks out with
 * those keys, and the configured issuer's token is served. Every service builds its decoder from this same
 * configuration ({@link JwtSecurityConfiguration}, the rule of {@code TrustedIssuers}).
 */
@SpringBootTest(classes = IssuerTrustIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.import=classpath:eduweek-platform.yml", "spring.application.name=issuer-it",
                "server.address=127.0.0.1", "management.server.port=0" })
class IssuerTrustIT {

    static final String SSO = "https://sso.example.edu/realms/eduweek";
    static final HttpServer KEYS = keys();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/api/probe")
        String probe() {
            return "ok";
        }
    }

    @DynamicPropertySource
    static void production(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "issuer-it");
        registry.add("eduweek.security.issuer", () -> SSO);
        registry.add("eduweek.security.jwk-set-uri",
                () -> "http://127.0.0.1:" + KEYS.getAddress().getPort() + "/certs");
    }

    @AfterAll
    static void stop() {
        KEYS.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void aTokenOfTheDevProviderIsRefusedWithAProblemAndTheConfiguredIssuersIsServed() throws Exception {
        // signed with the very key the configured issuer publishes: only the issuer tells them apart
        String devToken = TestTokens.token("mallory", List.of("ADMIN"), Map.of());
        HttpResponse<String> refused = get(devToken);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(refused.body()).contains("\"status\":401").contains("\"errors\":[]");

        String ssoToken = TestTokens.sign(TestTokens.key(), "alice", List.of("PARTICIPANT"), Map.of(), SSO,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(600));
        HttpResponse<String> served = get(ssoToken);
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("ok");
    }

    private HttpResponse<String> get(String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/probe"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpServer keys() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/certs", exchange -> {
                byte[] body = TestTokens.jwkSetJson().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
