package org.eduweek.registration.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.mongodb.ConnectionString;
import com.mongodb.ServerAddress;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.eduweek.platform.testing.TcpProxy;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.registration.domain.RegistrationStatus;
import org.eduweek.registration.domain.SeatMode;
import org.eduweek.registration.domain.SeatReconciler;
import org.eduweek.registration.domain.Session;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;
import org.eduweek.registration.support.TopicProbe;

/**
 * The store hangs (then stops, or just stays hung for longer than the gateway waits) while a burst of
 * registrations is in flight, and comes back: every answer is a 201,
 * or a 503 problem with {@code Retry-After} (never Spring's default 500 body), and nothing is left half-written:
 * after the participants who got a 503 retry, each has exactly one registration, the seat counter matches them, and
 * every registration's RegistrationCreated is published. The service reaches its MongoDB through a TCP proxy the
 * test freezes and cuts; its own context (own database, own consumer group) is closed after the class.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoreOutageIT extends IntegrationTest {

    private static final String DATABASE = "eduweek-registration-outage-it";
    private static final TcpProxy STORE = proxyToTheTestStore();
    private static final int PARTICIPANTS = 60;
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(16);
    /** Below the gateway's response timeout (10 s), so the caller gets the service's answer, not a 504. */
    private static final Duration ANSWER_BOUND = Duration.ofMillis(9_500);

    @Autowired
    MongoTemplate mongo;
    @Autowired
    Registrations registrations;
    @Autowired
    SeatLedger ledger;
    @Autowired
    SeatReconciler reconciler;

    @DynamicPropertySource
    static void ownDatabaseAndGroup(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.database", () -> DATABASE);
        // this context consumes schedule events in its own group, so the shared context's consumers keep theirs
        registry.add("spring.cloud.stream.bindings.scheduleEvents-in-0.group", () -> "registration-outage-it");
    }

    /** Every connection of this context's MongoDB client goes through the proxy. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ThroughTheProxy {
        @Bean
        MongoClientSettingsBuilderCustomizer throughTheProxy() {
            return settings -> settings.applyToClusterSettings(cluster -> cluster
                    .hosts(List.of(new ServerAddress("127.0.0.1", STORE.port()))));
        }
    }

    private static TcpProxy proxyToTheTestStore() {
        ConnectionString store = new ConnectionString(TestInfrastructure.mongoUri(DATABASE));
        String[] hostPort = store.getHosts().get(0).split(":");
        return TcpProxy.to(hostPort[0], hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 27017);
    }

    @AfterAll
    static void stop() {
        CLIENTS.shutdownNow();
        STORE.close();
    }

    record Answer(String participant, int status, String retryAfter, String contentType, String body,
            Duration took) {
    }

    /**
     * The store hangs for longer than the gateway's response timeout (10 s) and no connection drops: the service's
     * MongoDB timeouts (platform-support, MongoTimeoutProperties) answer each caller itself, a 201 or a 503 problem
     * with {@code Retry-After}, within {@link #ANSWER_BOUND}; once the store answers again the refused retry with
     * success and nothing is half-written.
     */
    @Test
    void aStoreThatHangsLongerThanTheGatewayWaitsIsAnsweredWithinTheBoundAndRecovers() throws Exception {
        int participantsCount = 40;
        Session session = publishSession(participantsCount * 2);
        List<String> participants = IntStream.range(0, participantsCount).mapToObj(i -> unique("frozen-p" + i))
                .toList();
        Map<String, String> tokens = participants.stream()
                .collect(Collectors.toMap(p -> p, IntegrationTest::participant));
        String body = "{\"sessionId\":\"" + session.id() + "\"}";
        Http http = http();

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        List<java.util.concurrent.Future<?>> burst = new ArrayList<>();
        // one request every 100 ms, about four seconds in all: the freeze begins after the first few answers
        Thread dispatcher = new Thread(() -> {
            for (String p : participants) {
                synchronized (burst) {
                    burst.add(CLIENTS.submit(() -> {
                        answers.add(answer(p, http, tokens.get(p), body));
                        done.incrementAndGet();
                    }));
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "frozen-burst");
        dispatcher.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> done.get() >= 3);
        STORE.freeze();
        long frozenAt = System.nanoTime();
        dispatcher.join(30_000);
        // hung for longer than the gateway would wait for an answer, then the same connections flow again
        long frozenFor = Duration.ofSeconds(16).toNanos() - (System.nanoTime() - frozenAt);
        if (frozenFor > 0) {
            TimeUnit.NANOSECONDS.sleep(frozenFor);
        }
        long held = STORE.heldRequests();
        int answeredWhileFrozen = done.get();
        STORE.restore();
        synchronized (burst) {
            for (var f : burst) {
                f.get(90, TimeUnit.SECONDS);
            }
        }

        assertThat(held).as("commands sent to the hung store").isPositive();
        assertThat(answeredWhileFrozen).as("every request answered while the store still hung")
                .isEqualTo(participantsCount);
        assertThat(answers).hasSize(participantsCount);
        assertThat(answers).allSatisfy(StoreOutageIT::isCreatedOrRetryable);
        Duration slowest = answers.stream().map(Answer::took).max(Duration::compareTo).orElseThrow();
        Set<String> refused = answers.stream().filter(a -> a.status() == 503).map(Answer::participant)
                .collect(Collectors.toSet());
        System.out.println("[frozen] " + refused.size() + " of " + participantsCount + " answered 503; slowest answer "
                + slowest.toMillis() + " ms; commands held " + held);
        assertThat(slowest).as("slowest answer").isLessThan(ANSWER_BOUND);
        assertThat(refused).as("requests caught by the hung store were refused").isNotEmpty();

        retryUntilRegistered(refused, http, tokens, body);
        assertNothingHalfWritten(session, participants);
    }

    @Test
    void aStoreThatHangsThenStopsMidBurstGetsRetryableProblemsAndLeavesNothingHalfWritten() throws Exception {
        Session session = publishSession(PARTICIPANTS * 2);
        List<String> participants = IntStream.range(0, PARTICIPANTS).mapToObj(i -> unique("outage-p" + i)).toList();
        Map<String, String> tokens = participants.stream().collect(Collectors.toMap(p -> p, IntegrationTest::participant));
        String body = "{\"sessionId\":\"" + session.id() + "\"}";
        Http http = http();

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        List<java.util.concurrent.Future<?>> burst = new ArrayList<>();
        // one new request every 30 ms (about two seconds in all), so requests are in flight before, during and
        // after the outage
        Thread dispatcher = new Thread(() -> {
            for (String p : participants) {
                synchronized (burst) {
                    burst.add(CLIENTS.submit(() -> {
                        answers.add(answer(p, http, tokens.get(p), body));
                        done.incrementAndGet();
                    }));
                }
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }, "outage-burst");
        dispatcher.start();

        // the store hangs while requests are in flight: some have sent a command and wait for its reply ...
        await().atMost(Duration.ofSeconds(30)).until(() -> done.get() >= 5);
        STORE.freeze();
        System.out.println("[outage] frozen after " + done.get() + " answers; proxy connections " + STORE.connections());
        await("requests held by the frozen store").atMost(Duration.ofSeconds(10))
                .until(() -> STORE.heldRequests() >= 3);
        Thread.sleep(1_500);
        // ... then it stops: their connections drop, the pool is cleared, new connections are refused ...
        STORE.cut();
        Thread.sleep(2_000);
        // ... and comes back
        STORE.restore();
        dispatcher.join(30_000);
        synchronized (burst) {
            for (var f : burst) {
                f.get(90, TimeUnit.SECONDS);
            }
        }

        assertThat(answers).hasSize(PARTICIPANTS);
        assertThat(answers).allSatisfy(StoreOutageIT::isCreatedOrRetryable);
        Set<String> refused = answers.stream().filter(a -> a.status() == 503).map(Answer::participant)
                .collect(Collectors.toSet());
        assertThat(refused).as("requests caught by the outage were refused").isNotEmpty();
        System.out.println("[outage] " + refused.size() + " of " + PARTICIPANTS + " answered 503 during the outage");

        retryUntilRegistered(refused, http, tokens, body);
        assertNothingHalfWritten(session, participants);
    }

    private static Answer answer(String participant, Http http, String token, String body) {
        long start = System.nanoTime();
        Http.Response response = http.post("/api/registrations", token, body);
        return new Answer(participant, response.status(), response.header("Retry-After"),
                response.header("Content-Type"), response.text(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** Clients retry after Retry-After: a registration stored just before its answer was lost is returned (200). */
    private static void retryUntilRegistered(Set<String> refused, Http http, Map<String, String> tokens,
            String body) {
        for (String p : refused) {
            await("retry of " + p).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
                Answer retry = answer(p, http, tokens.get(p), body);
                isCreatedOrRetryable(retry);
                return retry.status() == 201 || retry.status() == 200;
            });
        }
    }

    /** One registration per participant, each with its event, and seats that add up. */
    private void assertNothingHalfWritten(Session session, List<String> participants) {
        int count = participants.size();
        List<Document> stored = mongo.find(Query.query(Criteria.where("sessionId").is(session.id())), Document.class,
                "registrations");
        assertThat(stored).hasSize(count);
        assertThat(stored.stream().map(d -> d.getString("participantId")).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(participants);
        assertThat(registrations.countConfirmed(session.id(), SeatMode.IN_PERSON)).isEqualTo(count);
        assertThat(registrations.ofSession(session.id(), RegistrationStatus.CONFIRMED)).hasSize(count);
        Set<String> ids = stored.stream().map(d -> d.getString("_id")).collect(Collectors.toSet());
        Set<String> published = ConcurrentHashMap.newKeySet();
        TopicProbe.awaitAll("registration.events.v1", r -> {
            if (ids.stream().anyMatch(id -> r.value().contains(id))
                    && "RegistrationCreated".equals(TopicProbe.header(r, "eventType").replace("\"", ""))) {
                return ids.stream().filter(id -> r.value().contains(id)).anyMatch(published::add);
            }
            return false;
        }, count);
        assertThat(published).containsExactlyInAnyOrderElementsOf(ids);
        // a seat taken by a request whose registration never got stored is given back once the grace period is over
        clock.advance(Duration.ofMinutes(2));
        reconciler.reconcileAll();
        assertThat(ledger.find(session.id(), SeatMode.IN_PERSON).free()).isEqualTo(count * 2 - count);
        assertThat(STORE.connections()).as("the service used the proxy").isPositive();
    }

    private static void isCreatedOrRetryable(Answer a) {
        if (a.status() == 201 || a.status() == 200) {
            assertThat(a.body()).as(a.participant()).contains("\"status\":\"CONFIRMED\"");
            return;
        }
        assertThat(a.status()).as(a.participant() + ": " + a.body()).isEqualTo(503);
        assertThat(a.retryAfter()).as("Retry-After").isNotBlank();
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body()).contains("\"type\":\"https://eduweek.org/problems/unavailable\"")
                .contains("\"status\":503").contains("\"errors\":[]").doesNotContain("\"timestamp\"");
    }
}
