package org.eduweek.platform.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eduweek.platform.security.EduweekSecurityProperties;
import org.eduweek.platform.security.JwtSecurityConfiguration;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operational settings every service shares (eduweek-platform.yml, {@link JwtSecurityConfiguration}): metrics
 * and health details on the management server only, open there and on loopback only; the public port answers the
 * probes and nothing else of the actuator, not even to an ADMIN.
 */
@SpringBootTest(classes = ManagementServerIT.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = { "spring.config.import=classpath:eduweek-platform.yml", "spring.application.name=probe-service",
                "server.address=127.0.0.1", "management.server.port=0" })
class ManagementServerIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String ADMIN = "Bearer " + TestTokens.token("root", List.of("ADMIN"), Map.of());

    @SpringBootApplication
    @RestController
    static class App {
        @GetMapping("/api/probe")
        String probe() {
            return "ok";
        }

        @Bean
        JwtDecoder jwtDecoder(EduweekSecurityProperties props) {
            NimbusJwtDecoder decoder = TestTokens.decoder();
            decoder.setJwtValidator(JwtSecurityConfiguration.validator(props));
            return decoder;
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.register(registry, "management-it");
    }

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Test
    void metricsAndHealthDetailsAreNotOnThePublicPortEvenForAnAdmin() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health",
                "/actuator/health/readiness", "/actuator/info", "/actuator")) {
            assertThat(get(port, path, null).statusCode()).as("anonymous " + path).isEqualTo(401);
            assertThat(get(port, path, ADMIN).statusCode()).as("ADMIN " + path).isEqualTo(404);
        }
        assertThat(get(port, "/api/probe", ADMIN).body()).isEqualTo("ok");
    }

    /**
     * The gateway lets headers through up to {@code GATEWAY_MAX_HEADER_SIZE} (16 KB) and adds its own: a service
     * takes more, so what the gateway passes is never answered by Tomcat's own HTML error page (its default limit is
     * 8 KB).
     */
    @Test
    void headersTheGatewayLetsThroughAreServedNotRefusedByTomcat() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/probe")).timeout(Duration.ofSeconds(10))
                .header("Authorization", ADMIN).header("Cookie", "portal=" + "c".repeat(16 * 1024))
                .header("X-Forwarded-For", "203.0.113.7").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }

    @Test
    void thePublicPortAnswersTheProbesWithTheirStatusOnly() throws Exception {
        for (String path : List.of("/livez", "/readyz")) {
            HttpResponse<String> response = get(port, path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void theManagementPortServesMetricsAndHealthDetailsWithoutAToken() throws Exception {
        HttpResponse<String> prometheus = get(managementPort, "/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("jvm_memory_used_bytes").contains("application=\"probe-service\"");
        assertThat(get(managementPort, "/actuator/metrics", null).body()).contains("\"names\"");
        HttpResponse<String> health = get(managementPort, "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"components\"").contains("\"mongo\"");
        assertThat(get(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        // the API itself is not served there
        assertThat(get(managementPort, "/api/probe", ADMIN).statusCode()).isEqualTo(404);
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws SocketException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces().filter(ManagementServerIT::upAndExternal)
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
        assumeThat(external).as("a non-loopback address on this machine").isPresent();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(external.get(), managementPort), 2_000);
            throw new AssertionError("the management port answered on " + external.get());
        } catch (IOException expected) {
            // refused: nothing listens there
        }
    }

    private static boolean upAndExternal(NetworkInterface nic) {
        try {
            return nic.isUp() && !nic.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
