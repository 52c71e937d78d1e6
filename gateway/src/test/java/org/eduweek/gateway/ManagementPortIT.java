package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Metrics and health details are served on the management port only, which listens on loopback by default; the
 * public port answers the probes ({@code /livez}, {@code /readyz}) and the overall status, and never routes
 * {@code /actuator/**} to a service.
 */
class ManagementPortIT extends GatewayTestBase {

    private static final String ADMIN = bearer(TestTokens.token("root", List.of("ADMIN"), Map.of()));

    @LocalManagementPort
    int managementPort;

    private WebTestClient management() {
        return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    @Test
    void metricsAreNotOnThePublicPortEvenForAnAdmin() {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info",
                "/actuator/health/liveness", "/actuator/health/readiness")) {
            client().get().uri(path).exchange().expectStatus().isUnauthorized();
            client().get().uri(path).header("Authorization", ADMIN).exchange().expectStatus().isNotFound();
        }
        assertThat(BACKEND.requestsTo("/actuator")).isEmpty();
        assertThat(NOTIFICATIONS.requestsTo("/actuator")).isEmpty();
    }

    @Test
    void thePublicPortAnswersProbesAndTheOverallStatusWithoutDetails() {
        for (String path : List.of("/livez", "/readyz", "/actuator/health")) {
            client().get().uri(path).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").doesNotExist();
        }
    }

    @Test
    void theManagementPortServesMetricsAndHealthDetailsWithoutAToken() {
        management().get().uri("/actuator/prometheus").exchange().expectStatus().isOk()
                .expectBody(String.class).value(text -> assertThat(text).contains("jvm_memory_used_bytes")
                        .contains("application=\"gateway\""));
        management().get().uri("/actuator/metrics").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.names").isArray();
        management().get().uri("/actuator/health").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP").jsonPath("$.components").exists();
        management().get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
        management().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws SocketException {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses).filter(a -> a instanceof Inet4Address).findFirst();
        assumeThat(external).as("a non-loopback address on this machine").isPresent();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(external.get(), managementPort), 2_000);
            throw new AssertionError("the management port answered on " + external.get());
        } catch (IOException expected) {
            // refused: nothing listens there
        }
    }
}
