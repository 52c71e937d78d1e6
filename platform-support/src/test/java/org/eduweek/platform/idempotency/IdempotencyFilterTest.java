package org.eduweek.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.client.MongoClients;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import org.eduweek.platform.testing.MutableClock;

class IdempotencyFilterTest {

    @RestController
    static class CountingController {
        final AtomicInteger calls = new AtomicInteger();
        volatile CountDownLatch gate;
        volatile CountDownLatch entered;

        @PostMapping("/things")
        ResponseEntity<String> create(@RequestBody String body) throws InterruptedException {
            int n = calls.incrementAndGet();
            if (gate != null) {
                entered.countDown();
                gate.await(5, TimeUnit.SECONDS);
            }
            if (body.contains("fail")) {
                return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body("{}");
            }
            return ResponseEntity.status(HttpStatus.CREATED).header("Location", "/things/" + n)
                    .contentType(MediaType.APPLICATION_JSON).body("{\"n\":" + n + "}");
        }
    }

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoTemplate mongo = new MongoTemplate(
            MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort()), "idem");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T10:00:00Z"));
    private final IdempotencyProperties props = new IdempotencyProperties(true, null, Duration.ofHours(24),
            Duration.ofMinutes(1), null);
    private final IdempotencyStore store = new IdempotencyStore(mongo, props, clock);
    private final CountingController controller = new CountingController();
    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(controller)
            .addFilters(new IdempotencyFilter(store)).build();

    @AfterEach
    void stop() {
        SecurityContextHolder.clearContext();
        server.shutdownNow();
    }

    @Test
    void replayReturnsTheFirstResponseWithoutRunningAgain() throws Exception {
        send("k1", "{\"a\":1}").andExpect(status().isCreated()).andExpect(header().string("Location", "/things/1"));
        send("k1", "{\"a\":1}").andExpect(status().isCreated())
                .andExpect(header().string("Location", "/things/1"))
                .andExpect(header().string(IdempotencyProperties.REPLAYED_HEADER, "true"))
                .andExpect(jsonPath("$.n").value(1));
        assertThat(controller.calls).hasValue(1);
    }

    @Test
    void requestsWithoutAKeyAlwaysRun() throws Exception {
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{}"));
        mvc.perform(post("/things").contentType(MediaType.APPLICATION_JSON).content("{}"));
        assertThat(controller.calls).hasValue(2);
    }

    @Test
    void sameKeyWithAnotherBodyIsRefused() throws Exception {
        send("k2", "{\"a\":1}").andExpect(status().isCreated());
        send("k2", "{\"a\":2}").andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("https://eduweek.org/problems/idempotency-key-reused"));
        assertThat(controller.calls).hasValue(1);
    }

    @Test
    void keysAreScopedByCaller() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", java.util.List.of()));
        send("shared", "{}").andExpect(jsonPath("$.n").value(1));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("bob", "n/a", java.util.List.of()));
        send("shared", "{}").andExpect(jsonPath("$.n").value(2));
        assertThat(controller.calls).hasValue(2);
    }

    @Test
    void concurrentDuplicateGetsConflictWhileTheFirstRuns() throws Exception {
        controller.gate = new CountDownLatch(1);
        controller.entered = new CountDownLatch(1);
        CompletableFuture<MvcResult> first = CompletableFuture.supplyAsync(() -> {
            try {
                return send("k3", "{}").andReturn();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(controller.entered.await(5, TimeUnit.SECONDS)).isTrue();
        send("k3", "{}").andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("https://eduweek.org/problems/idempotency-in-progress"));
        controller.gate.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS).getResponse().getStatus()).isEqualTo(201);
        assertThat(controller.calls).hasValue(1);
    }

    @Test
    void serverFailureIsNotRememberedSoARetryRunsAgain() throws Exception {
        send("k4", "{\"fail\":true}").andExpect(status().isServiceUnavailable());
        send("k4", "{\"fail\":true}").andExpect(status().isServiceUnavailable());
        assertThat(controller.calls).hasValue(2);
    }

    @Test
    void keysExpireAfterTheirTimeToLive() throws Exception {
        send("k5", "{}").andExpect(status().isCreated());
        clock.advance(Duration.ofHours(23));
        assertThat(store.deleteExpired()).isZero();
        clock.advance(Duration.ofHours(2));
        assertThat(store.deleteExpired()).isEqualTo(1);
        send("k5", "{}").andExpect(jsonPath("$.n").value(2));
    }

    @Test
    void tooLongKeyIsABadRequest() throws Exception {
        send("x".repeat(300), "{}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value(IdempotencyProperties.HEADER))
                .andExpect(jsonPath("$.properties").doesNotExist());
        assertThat(controller.calls).hasValue(0);
    }

    private org.springframework.test.web.servlet.ResultActions send(String key, String body) throws Exception {
        return mvc.perform(post("/things").header(IdempotencyProperties.HEADER, key)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }
}
