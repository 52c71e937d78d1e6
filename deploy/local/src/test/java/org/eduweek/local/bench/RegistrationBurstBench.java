package org.eduweek.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eduweek.local.Platform;
import org.eduweek.local.PlatformOptions;
import org.junit.jupiter.api.Test;

/**
 * N participants register for one session of capacity C at the same moment, through the gateway. Reports throughput,
 * latency percentiles and the outcome counts, and checks the seat rule: exactly C confirmed, never more.
 *
 * <pre>
 * ./mvnw -q -pl deploy/local -Pbench verify -Dbench.requests=1000 -Dbench.capacity=50
 * ./mvnw -q -pl deploy/local -Pbench verify -Dbench.gateway=http://localhost:8080 -Dbench.stack=http://localhost:8090
 * </pre>
 * Without {@code bench.gateway} it starts the platform itself with the launcher code (free ports, temp data folder).
 */
class RegistrationBurstBench {

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private String gateway;
    private String stack;

    @Test
    void burstOfRegistrationsForOneSession() throws Exception {
        int requests = Integer.getInteger("bench.requests", 1000);
        int capacity = Integer.getInteger("bench.capacity", 50);
        String external = System.getProperty("bench.gateway");
        Path data = null;
        Platform platform = null;
        try {
            if (external == null || external.isBlank()) {
                data = Files.createTempDirectory("eduweek-bench-");
                PlatformOptions options = PlatformOptions.onFreePorts(data).startTimeout(Duration.ofSeconds(300));
                String javaOpts = System.getProperty("bench.javaOpts");
                if (javaOpts != null && !javaOpts.isBlank()) {
                    List<String> flags = new ArrayList<>(PlatformOptions.LEAN_JVM);
                    flags.addAll(Arrays.asList(javaOpts.trim().split("\\s+")));
                    options.jvmOptions(flags);
                }
                platform = Platform.start(options);
                gateway = platform.gatewayUrl();
                stack = platform.stackUrl();
            } else {
                gateway = external;
                stack = System.getProperty("bench.stack", "http://127.0.0.1:8090");
            }
            run(requests, capacity);
        } finally {
            if (platform != null) {
                platform.close();
            }
            if (data != null) {
                try (var paths = Files.walk(data)) {
                    for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
        }
    }

    private void run(int requests, int capacity) throws Exception {
        String organizer = token("{\"sub\":\"bench-organizer\",\"roles\":[\"ORGANIZER\"]}");
        String title = "Bench session " + UUID.randomUUID().toString().substring(0, 8);
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusDays(5).truncatedTo(ChronoUnit.HOURS);
        HttpResponse<String> created = post("/api/schedule/sessions", organizer, """
                {"title":"%s","start":"%s","end":"%s","timeZone":"Asia/Shanghai","mode":"OFFLINE","capacity":%d,
                 "venue":{"campus":"Pingyuan","building":"Library","room":"A101"},"publish":true}"""
                .formatted(title, start, start.plusHours(1), capacity));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String sessionId = json.readTree(created.body()).path("id").asText();
        String body = "{\"sessionId\":\"" + sessionId + "\"}";

        // A probe participant waits until registration-service has the session (it takes one of the seats).
        String probe = token("{\"sub\":\"bench-probe\"}");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int probeStatus;
        do {
            probeStatus = post("/api/registrations", probe, body).statusCode();
            Thread.sleep(probeStatus == 404 || probeStatus == 429 ? 1_000 : 0);
        } while ((probeStatus == 404 || probeStatus == 429) && System.nanoTime() < deadline);
        assertThat(probeStatus).isEqualTo(201);

        List<String> tokens = new ArrayList<>(requests);
        for (int i = 0; i < requests; i++) {
            tokens.add(token("{\"sub\":\"bench-" + i + "-" + UUID.randomUUID().toString().substring(0, 6) + "\"}"));
        }
        long[] latencies = new long[requests];
        String[] outcomes = new String[requests];
        List<CompletableFuture<Void>> calls = new ArrayList<>(requests);
        long begin = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            int index = i;
            long sent = System.nanoTime();
            calls.add(http.sendAsync(request("/api/registrations", tokens.get(i), body), HttpResponse.BodyHandlers.ofString())
                    .handle((response, error) -> {
                        latencies[index] = System.nanoTime() - sent;
                        outcomes[index] = error != null ? "error " + error.getClass().getSimpleName()
                                : response.statusCode() + " " + status(response.body());
                        return null;
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        double seconds = (System.nanoTime() - begin) / 1e9;
        Arrays.sort(latencies);
        Map<String, Integer> counts = new TreeMap<>();
        for (String outcome : outcomes) {
            counts.merge(outcome, 1, Integer::sum);
        }
        long confirmed = counts.getOrDefault("201 CONFIRMED", 0) + 1L; // + the probe
        System.out.printf("%n[bench] %d simultaneous POST /api/registrations, capacity %d, via %s%n", requests, capacity,
                gateway);
        System.out.printf("[bench] wall %.2f s, throughput %.0f req/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                seconds, requests / seconds, latencies[requests / 2] / 1e6, latencies[(int) (requests * 0.99)] / 1e6,
                latencies[requests - 1] / 1e6);
        System.out.printf("[bench] outcomes %s; confirmed incl. probe = %d%n", counts, confirmed);
        JsonNode stats = null;
        for (int i = 0; i < 60 && (stats == null || stats.path("confirmed").asInt() < Math.min(capacity, requests + 1));
                i++) {
            HttpResponse<String> response = get("/api/analytics/sessions/" + sessionId, organizer);
            stats = response.statusCode() == 200 ? json.readTree(response.body()) : null;
            Thread.sleep(500);
        }
        System.out.printf("[bench] analytics: %s%n%n", stats);
        assertThat(confirmed).as("never more confirmed than seats").isLessThanOrEqualTo(capacity);
        if (counts.keySet().stream().allMatch(o -> o.startsWith("201"))) {
            assertThat(confirmed).as("every seat taken").isEqualTo(Math.min(capacity, requests + 1));
        }
    }

    private String status(String body) {
        try {
            return json.readTree(body).path("status").asText();
        } catch (Exception e) {
            return "?";
        }
    }

    /** Straight from the stack's identity provider: the gateway rate-limits /api/auth per client IP. */
    private String token(String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(stack + "/api/auth/dev-token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("access_token").asText();
    }

    private HttpRequest request(String path, String token, String body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder.build();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(request(path, token, body), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
