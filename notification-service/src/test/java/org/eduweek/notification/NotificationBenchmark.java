package org.eduweek.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import org.eduweek.notification.domain.Channel;
import org.eduweek.notification.domain.Contact;
import org.eduweek.notification.domain.Notification;
import org.eduweek.notification.domain.NotificationKind;
import org.eduweek.notification.domain.NotificationState;
import org.eduweek.notification.domain.RegistrationReplica;
import org.eduweek.notification.domain.ReminderPlanner;
import org.eduweek.notification.domain.SessionReplica;
import org.eduweek.notification.store.ContactStore;
import org.eduweek.notification.store.NotificationStore;
import org.eduweek.notification.store.RegistrationStore;
import org.eduweek.notification.store.SessionStore;
import org.eduweek.notification.support.Fixtures;
import org.eduweek.notification.support.NotificationITBase;
import org.eduweek.notification.support.TestSms;
import org.eduweek.platform.testing.Pace;
import org.eduweek.platform.testing.Percentiles;

/**
 * Not part of the normal build; from the repository root:
 * {@code ./mvnw -o -pl notification-service -am -Pbench verify} (sizes and pace via
 * {@code -Dbench.registrations=2000 -Dbench.rate=100 -Dbench.reminders=5000}). Real clock, real Kafka, GreenMail
 * as SMTP, WireMock as the SMS provider at 500 messages/s.
 */
@TestPropertySource(properties = { "eduweek.notification.sms.rate-per-second=500",
        "eduweek.notification.delivery.sms-workers=4", "eduweek.notification.delivery.email-workers=8",
        "eduweek.notification.delivery.poll-interval=PT0.5S", "eduweek.outbox.sweep-interval=PT5S" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotificationBenchmark extends NotificationITBase {

    @Autowired
    MongoTemplate mongo;

    @Autowired
    NotificationStore store;

    @Autowired
    ContactStore contacts;

    @Autowired
    SessionStore sessions;

    @Autowired
    RegistrationStore registrations;

    @Autowired
    org.eduweek.notification.delivery.Dispatcher dispatcher;

    /** Counts MongoDB commands (round trips) by name, to report them per registration. */
    static final Map<String, java.util.concurrent.atomic.LongAdder> COMMANDS = new java.util.concurrent.ConcurrentHashMap<>();

    @org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
    static class CountCommands {
        @org.springframework.context.annotation.Bean
        org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer countCommands() {
            return b -> b.addCommandListener(new com.mongodb.event.CommandListener() {
                @Override
                public void commandStarted(com.mongodb.event.CommandStartedEvent e) {
                    COMMANDS.computeIfAbsent(e.getCommandName(), k -> new java.util.concurrent.atomic.LongAdder())
                            .increment();
                }
            });
        }
    }

    private static Map<String, Long> commands() {
        Map<String, Long> m = new java.util.TreeMap<>();
        COMMANDS.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    @Test
    @Order(1)
    void registrationCreatedToEmailAcceptedBySmtp() {
        CLOCK.followSystemClock();
        int count = Integer.getInteger("bench.registrations", 2000);
        int rate = Integer.getInteger("bench.rate", 100);
        String sessionId = Fixtures.id("bench-ses");
        fixtures.publishSession("SessionScheduled", fixtures.session(sessionId, Duration.ofDays(3), 1));
        List<String> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pid = Fixtures.id("bp");
            people.add(pid);
            fixtures.publishProfile(fixtures.profile(pid, pid + "@bench.example.edu", null, "en", false, 1));
        }
        await().atMost(Duration.ofMinutes(3)).until(() -> people.stream().allMatch(p -> contacts.find(p).isPresent()));
        // warm-up: templates, SMTP connections, JIT
        for (int i = 0; i < 50; i++) {
            String pid = Fixtures.id("warm");
            fixtures.publishProfile(fixtures.profile(pid, pid + "@bench.example.edu", null, "en", false, 1));
            fixtures.publishRegistration("RegistrationCreated",
                    fixtures.registration(Fixtures.id("warm-reg"), sessionId, pid, "CONFIRMED", 1));
        }

        await().atMost(Duration.ofMinutes(1)).until(() -> mongo.count(Query.query(Criteria.where("sessionId")
                .is(sessionId).and("state").is(NotificationState.SENT)), Notification.class) == 50);
        Map<String, Long> before = commands();
        Map<String, Instant> published = new HashMap<>();
        Pace pace = Pace.perSecond(rate);
        Instant begin = Instant.now();
        for (String pid : people) {
            String regId = "bench-" + pid;
            var event = fixtures.registration(regId, sessionId, pid, "CONFIRMED", 1);
            pace.awaitNext();
            published.put(regId + ":CONFIRMED:1:EMAIL", Instant.now());
            fixtures.publishRegistration("RegistrationCreated", event);
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> mongo.count(
                Query.query(Criteria.where("sessionId").is(sessionId).and("kind").is(NotificationKind.CONFIRMED)
                        .and("channel").is(Channel.EMAIL).and("state").is(NotificationState.SENT)),
                Notification.class) == count + 50);
        Instant end = Instant.now();
        Map<String, Long> after = commands();
        StringBuilder perRegistration = new StringBuilder();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d > 0) {
                perRegistration.append(String.format(" %s %.2f", k, d / (double) count));
            }
        });
        List<Long> latencies = new ArrayList<>();
        List<Long> stored = new ArrayList<>();
        for (Notification n : mongo.find(Query.query(Criteria.where("sessionId").is(sessionId).and("kind")
                .is(NotificationKind.CONFIRMED).and("channel").is(Channel.EMAIL)), Notification.class)) {
            Instant sent = published.get(n.dedupeKey());
            if (sent != null) {
                latencies.add(Duration.between(sent, n.sentAt()).toMillis());
                stored.add(Duration.between(sent, n.createdAt()).toMillis());
            }
        }
        assertThat(latencies).hasSize(count);
        Percentiles toSmtp = Percentiles.of(latencies);
        Percentiles toStore = Percentiles.of(stored);
        System.out.printf("%nBENCH email: %d registrations at %d/s -> SMTP accepted: p50 %d ms, p90 %d ms, "
                + "p99 %d ms, max %d ms; %d emails in %.1f s%n", count, rate, toSmtp.at(0.50), toSmtp.at(0.90),
                toSmtp.at(0.99), toSmtp.max(), count, Duration.between(begin, end).toMillis() / 1000.0);
        System.out.printf("BENCH of which event consumed -> message stored: p50 %d ms, p99 %d ms%n", toStore.at(0.50),
                toStore.at(0.99));
        System.out.printf("BENCH mongo commands per registration (whole service, incl. the benchmark's polling):%s%n",
                perRegistration);
    }

    @Test
    @Order(2)
    void remindersFallingDueAtOnceDrainAtTheProvidersRateWithNoneLostOrDuplicated() {
        int count = Integer.getInteger("bench.reminders", 5000);
        // time stands still while the plans are stored, then jumps to their due time: all fall due at once
        CLOCK.freezeAt(Instant.now());
        Instant due = CLOCK.instant().plus(Duration.ofHours(1));
        String sessionId = Fixtures.id("bench-rem");
        Instant start = due.plus(Duration.ofMinutes(30));
        sessions.upsertIfNewer(new SessionReplica(sessionId, "iew-bench", "act", "Benchmark Session", "基准", start,
                start.plus(Duration.ofHours(1)), "Asia/Shanghai", "OFFLINE", "Hall", null, "PUBLISHED", 1));
        List<String> keys = new ArrayList<>();
        List<Contact> people = new ArrayList<>();
        List<RegistrationReplica> regs = new ArrayList<>();
        List<Notification> plans = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pid = "bench-sms-" + sessionId + "-" + i;
            String regId = "bench-rem-" + sessionId + "-" + i;
            people.add(new Contact(pid, "P" + i, null, String.format("+86139%08d", i), "en", true, 1, Instant.now()));
            regs.add(new RegistrationReplica(regId, sessionId, pid, "iew-bench", "CONFIRMED", "IN_PERSON", null,
                    Instant.now()));
            String key = Notification.key(regId, NotificationKind.REMINDER, "PT1H", 1, Channel.SMS);
            keys.add(key);
            plans.add(Notification.plan(ReminderPlanner.newId(), key, pid, regId, sessionId, "iew-bench",
                    Channel.SMS, NotificationKind.REMINDER, "PT1H", 1, due, CLOCK.instant()));
        }
        mongo.insertAll(people);
        mongo.insertAll(regs);
        mongo.insertAll(plans);
        int before = TestSms.server().getAllServeEvents().size();
        CLOCK.followSystemClock(Duration.between(Instant.now(), due));
        dispatcher.wake();

        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() -> mongo.count(
                Query.query(Criteria.where("sessionId").is(sessionId).and("state").is(NotificationState.SENT)),
                Notification.class) == count);
        List<Notification> sent = mongo.find(Query.query(Criteria.where("sessionId").is(sessionId)),
                Notification.class);
        Instant last = sent.stream().map(Notification::sentAt).max(Instant::compareTo).orElseThrow();
        double seconds = Duration.between(due, last).toMillis() / 1000.0;

        Map<String, Integer> perKey = new HashMap<>();
        for (LoggedRequest r : TestSms.server().getAllServeEvents().stream().map(e -> (LoggedRequest) e.getRequest())
                .toList()) {
            String k = r.getHeader("Idempotency-Key");
            if (k != null && k.contains(sessionId)) {
                perKey.merge(k, 1, Integer::sum);
            }
        }
        assertThat(perKey).hasSize(count);
        assertThat(perKey.values()).allMatch(v -> v == 1);
        assertThat(keys).allMatch(perKey::containsKey);
        System.out.printf("%nBENCH reminders: %d SMS due at once, provider limit 500/s -> all sent once in %.1f s "
                + "(%.0f/s); provider saw %d requests%n", count, seconds, count / seconds,
                TestSms.server().getAllServeEvents().size() - before);
        assertThat(count / seconds).as("rate limit respected").isLessThanOrEqualTo(500 * 1.05 + 500.0 / seconds);
    }
}
