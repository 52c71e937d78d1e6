package org.eduweek.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.eduweek.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import reactor.core.publisher.Flux;
import reactor.netty.internal.shaded.reactor.pool.PoolAcquireTimeoutException;
import reactor.test.StepVerifier;

class ResilienceIT extends GatewayTestBase {

    @Autowired
    CircuitBreakerRegistry breakers;

    @Test
    void answers503QuicklyWhileAServiceIsDownAndRecoversWhenItReturns() {
        String token = bearer(TestTokens.participant("alice"));
        NOTIFICATIONS.stop();
        try {
            // The first call also loads the fallback path's classes (slow on a busy CI box): time the rest.
            for (int i = 0; i < 6; i++) {
                long started = System.nanoTime();
                client().get().uri("/api/notifications/preferences").header("Authorization", token).exchange()
                        .expectStatus().isEqualTo(503)
                        .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.type").isEqualTo("https://eduweek.org/problems/service-unavailable")
                        .jsonPath("$.service").isEqualTo("notification")
                        .jsonPath("$.instance").isEqualTo("/api/notifications/preferences")
                        .jsonPath("$.errors").isEmpty();
                if (i > 0) {
                    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1000));
                }
            }
            // After 3 failures (the test's minimum-number-of-calls) the circuit is open: no more connection attempts.
            // It half-opens after 200 ms here, and a slow machine may take that long between two calls; the trial
            // call fails and opens it again, so one of the next few answers says so.
            java.util.List<String> details = new java.util.ArrayList<>();
            for (int i = 0; i < 5 && details.stream().noneMatch(d -> d.contains("circuit open")); i++) {
                client().get().uri("/api/notifications/preferences").header("Authorization", token).exchange()
                        .expectStatus().isEqualTo(503)
                        .expectBody().jsonPath("$.detail").value(d -> details.add((String) d));
            }
            assertThat(details).anySatisfy(d -> assertThat(d).contains("circuit open"));
            // Writes are never retried, and fail just as fast.
            client().post().uri("/api/notifications/preferences").header("Authorization", token)
                    .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                    .expectStatus().isEqualTo(503);
        } finally {
            NOTIFICATIONS.start();
        }
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                client().get().uri("/api/notifications/preferences").header("Authorization", token).exchange()
                        .expectStatus().isOk());
    }

    @Test
    void retriesIdempotentReadsOnlyAndNeverAServerError() {
        String token = bearer(TestTokens.organizer("olga"));
        String id = java.util.UUID.randomUUID().toString();
        client().get().uri("/api/schedule/unavailable-" + id + "?status=503").exchange().expectStatus().isEqualTo(503);
        assertThat(BACKEND.requestsTo("/api/schedule/unavailable-" + id)).hasSize(3);
        client().post().uri("/api/schedule/unavailable-" + id + "-post?status=503").header("Authorization", token)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange().expectStatus().isEqualTo(503);
        assertThat(BACKEND.requestsTo("/api/schedule/unavailable-" + id + "-post")).hasSize(1);
        // A 500 is a bug, not a transient failure: repeating it would only repeat the damage.
        client().get().uri("/api/schedule/broken-" + id + "?status=500").exchange().expectStatus().isEqualTo(500);
        assertThat(BACKEND.requestsTo("/api/schedule/broken-" + id)).hasSize(1);
    }

    @Test
    void letsManyConcurrentCallsThroughOneRoute() {
        // Spring Cloud's default bulkhead would answer the 26th concurrent call with a 503 (and open the circuit).
        List<Integer> statuses = Burst.statuses(port, "/api/schedule/sessions/{i}/busy", 40);
        assertThat(statuses).hasSize(40).containsOnly(200);
        assertThat(BACKEND.busyPeak.get()).as("calls the service saw at once").isGreaterThanOrEqualTo(30);
    }

    @Test
    void aRequestThatWaitedTooLongForAPooledConnectionDoesNotCountAgainstTheService() {
        var config = breakers.circuitBreaker("registration").getCircuitBreakerConfig();
        assertThat(config.getIgnoreExceptionPredicate()
                .test(new PoolAcquireTimeoutException(Duration.ofSeconds(10)))).isTrue();
        assertThat(config.getIgnoreExceptionPredicate().test(new java.util.concurrent.TimeoutException())).isFalse();
    }

    @Test
    void answers504WhenAServiceIsTooSlow() {
        String token = bearer(TestTokens.participant("al"));
        client().get().uri("/api/registrations/warm").header("Authorization", token).exchange().expectStatus().isOk();
        long started = System.nanoTime();
        client().get().uri("/api/registrations/slow").header("Authorization", token)
                .exchange().expectStatus().isEqualTo(504)
                .expectBody().jsonPath("$.type").isEqualTo("https://eduweek.org/problems/gateway-timeout");
        // The service takes 5 s; the 1 s response timeout cut it short.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(4000));
    }

    @Test
    void streamsServerSentEventsWithoutBuffering() {
        BACKEND.streamGate = new CountDownLatch(1);
        CountDownLatch gate = BACKEND.streamGate;
        // As a browser's EventSource does it: the token in the query, no Authorization header.
        Flux<String> events = WebClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/analytics/stream?access_token={t}", TestTokens.organizer("olga"))
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(String.class);
        // The first event must arrive while the service still holds the stream open (longer than the 1 s
        // response timeout of ordinary routes); only then is the second one released.
        StepVerifier.create(events)
                .expectNext("first")
                .then(() -> new Thread(() -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    gate.countDown();
                }).start())
                .expectNext("second")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void streamsASessionsSeatsToAnonymousPagesPastTheResponseTimeout() {
        BACKEND.streamGate = new CountDownLatch(1);
        CountDownLatch gate = BACKEND.streamGate;
        // A programme page without sign-in: no token at all.
        Flux<String> events = WebClient.create("http://127.0.0.1:" + port).get()
                .uri("/api/registrations/sessions/s1/availability/stream")
                .accept(MediaType.TEXT_EVENT_STREAM).retrieve().bodyToFlux(String.class);
        StepVerifier.create(events)
                .expectNext("first")
                .then(() -> new Thread(() -> {
                    try {
                        Thread.sleep(1500);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    gate.countDown();
                }).start())
                .expectNext("second")
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }
}
