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
import java.util.concurrent.atomic.AtomicBoolean;

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
 * The identity provider's keys cannot be fetched (provider down, or slow under load when a service sees its first
 * token): a well-formed token of the trusted issuer cannot be checked, which is not the caller's fault. The answer is
 * a 503 problem with {@code Retry-After} in the caller's language, not a 500 and not a 401 that would sign the
 * person out; once the keys can be read, the same token is served.
 */
@SpringBootTest(classes = IssuerUnreachableIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.import=classpath:eduweek-platform.yml", "spring.application.name=issuer-down-it",
                "server.address=127.0.0.1", "management.server.port=0" })
class IssuerUnreachableIT {

    static final String SSO = "https://sso.example.edu/realms/eduweek";
    static final AtomicBoolean DOWN = new AtomicBoolean(true);
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
        TestInfrastructure.register(registry, "issuer-down-it");
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
    void aTokenThatCannotBeCheckedForNowIsA503ProblemWithRetryAfterThenServedOnceTheKeysAreBack() throws Exception {
        String token = TestTokens.sign(TestTokens.key(), "alice", List.of("PARTICIPANT"), Map.of(), SSO,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(600));

        HttpResponse<String> english = get(token, "en");
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(english.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(english.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(english.body()).contains("\"status\":503").contains("sign-in provider cannot be reached")
                .contains("\"errors\":[]").doesNotContain("Exception").doesNotContain("127.0.0.1");

        HttpResponse<String> chinese = get(token, "zh-CN");
        assertThat(chinese.statusCode()).isEqualTo(503);
        assertThat(chinese.headers().firstValue("Content-Language")).hasValue("zh");
        assertThat(chinese.body()).contains("暂时无法连接登录服务");

        DOWN.set(false);
        HttpResponse<String> served = get(token, "en");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.body()).isEqualTo("ok");

        // a token that is wrong stays a 401, with the provider up as with it down
        String forged = TestTokens.sign(TestTokens.otherKey(), "mallory", List.of("ADMIN"), Map.of(), SSO,
                TestTokens.AUDIENCE, Instant.now().plusSeconds(600));
        assertThat(get(forged, "en").statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> get(String token, String language) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/probe"))
                .header("Authorization", "Bearer " + token).header("Accept-Language", language)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The provider's key endpoint: a 503 of its own while {@link #DOWN}, the keys afterwards. */
    private static HttpServer keys() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/certs", exchange -> {
                boolean down = DOWN.get();
                byte[] body = (down ? "upstream unavailable" : TestTokens.jwkSetJson()).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", down ? "text/plain" : "application/json");
                exchange.sendResponseHeaders(down ? 503 : 200, body.length);
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
