package org.eduweek.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The operational endpoints of a running service: metrics and health details on its management port only (open
 * there), the probes on its public port, nothing else of the actuator there, not even for an ADMIN.
 */
public final class ManagementPorts {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ManagementPorts() {
    }

    /** Asserts the split for the service {@code application} listening on {@code port} and {@code managementPort}. */
    public static void assertOperationalEndpointsOnTheManagementPortOnly(String application, int port,
            int managementPort) {
        assertThat(managementPort).as("management port").isPositive().isNotEqualTo(port);
        String admin = "Bearer " + TestTokens.token("ops", List.of("ADMIN"), Map.of());
        for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/health")) {
            assertThat(get(port, path, null).statusCode()).as("public port, anonymous: " + path).isEqualTo(401);
            assertThat(get(port, path, admin).statusCode()).as("public port, ADMIN: " + path).isEqualTo(404);
        }
        for (String probe : List.of("/livez", "/readyz")) {
            HttpResponse<String> answer = get(port, probe, null);
            assertThat(answer.statusCode()).as("public port: " + probe).isEqualTo(200);
            assertThat(answer.body()).as("public port: " + probe).isEqualTo("{\"status\":\"UP\"}");
        }
        HttpResponse<String> prometheus = get(managementPort, "/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).as("management port: /actuator/prometheus").isEqualTo(200);
        assertThat(prometheus.body()).contains("application=\"" + application + "\"");
        assertThat(get(managementPort, "/actuator/metrics", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health", null).body()).contains("\"components\"");
        assertThat(get(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    private static HttpResponse<String> get(int port, String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(10));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path + " on port " + port + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
