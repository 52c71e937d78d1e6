package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.eduweek.platform.testing.TestTokens;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway holds at most {@code GATEWAY_POOL_MAX_CONNECTIONS} connections to a service and queues the rest: a burst
 * of concurrent requests is answered in full while the service never sees more at once (with the default elastic
 * pool it saw all of them, and a burst of 1,000 overflowed a real service's accept backlog).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "GATEWAY_POOL_MAX_CONNECTIONS=4",
        "eduweek.security.issuer=" + TestTokens.ISSUER,
        "eduweek.gateway.rate-limits.api.capacity=100000",
        "eduweek.gateway.rate-limits.api.refill-tokens=100000" })
class ConnectionPoolIT {

    static final StubBackend SERVICE = StubBackend.started();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        for (String url : List.of("SCHEDULE_URL", "REGISTRATION_URL", "ANALYTICS_URL", "NOTIFICATION_URL",
                "STACK_URL")) {
            registry.add(url, SERVICE::url);
        }
        registry.add("eduweek.security.jwk-set-uri", () -> SERVICE.url() + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stop() {
        SERVICE.stop();
    }

    @Test
    void queuesABurstBehindABoundedNumberOfConnectionsAndAnswersAll() {
        // each call holds its connection until 30 calls are in (at most 800 ms): 20 calls, 4 at a time, ~4 s
        List<Integer> statuses = Burst.statuses(port, "/api/schedule/sessions/{i}/busy", 20);
        assertThat(statuses).hasSize(20).containsOnly(200);
        assertThat(SERVICE.requestsTo("/api/schedule/sessions/")).hasSize(20);
        assertThat(SERVICE.busyPeak.get()).as("calls the service saw at once").isBetween(2, 4);
    }
}
