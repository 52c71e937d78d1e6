package org.eduweek.registration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import org.eduweek.platform.outbox.OutboxRelay;
import org.eduweek.platform.security.CurrentUser;
import org.eduweek.platform.testing.TestInfrastructure;
import org.eduweek.registration.store.OutboxEvents;
import org.eduweek.registration.store.ProfileStore;
import org.eduweek.registration.store.Registrations;
import org.eduweek.registration.store.SeatLedger;
import org.eduweek.registration.store.SessionReplica;
import org.eduweek.registration.support.Http;
import org.eduweek.registration.support.IntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Overbooking would show up here: many simultaneous requests for few seats, through HTTP and from two instances. */
class ConcurrencyIT extends IntegrationTest {

    private static final ExecutorService POOL = Executors.newFixedThreadPool(64);

    @Autowired
    Registrations registrations;
    @Autowired
    RegistrationService service;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    OutboxRelay relay;
    @Autowired
    OutboxEvents outboxEvents;
    @Autowired
    JsonMapper json;

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    @Test
    void threeHundredSimultaneousRegistrationsForTwentySeatsConfirmExactlyTwenty() throws Exception {
        Session s = publishSession(20);
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String token = participant(unique("burst" + i));
            calls.add(() -> http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}"));
        }
        List<JsonNode> answers = runTogether(calls).stream().map(r -> {
            assertThat(r.status()).isEqualTo(201);
            return r.json();
        }).toList();

        assertThat(answers.stream().filter(a -> a.get("status").asString().equals("CONFIRMED"))).hasSize(20);
        assertThat(answers.stream().filter(a -> a.get("status").asString().equals("WAITLISTED"))).hasSize(280);
        assertWaitlistInArrivalOrder(s, 280);
        assertThat(registrations.countConfirmed(s.id(), SeatMode.IN_PERSON)).isEqualTo(20);
    }

    @Test
    void twoServiceInstancesOverOneDatabaseNeverOverbook() throws Exception {
        Session s = publishSession(20);
        RegistrationService second = secondInstance();
        List<Callable<RegistrationService.Registered>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            CurrentUser user = new CurrentUser(unique("two" + i), "N", null, null, "en", java.util.Set.of("PARTICIPANT"));
            RegistrationService target = i % 2 == 0 ? service : second;
            calls.add(() -> target.register(user, s.id(), null));
        }
        List<RegistrationService.Registered> results = runTogether(calls);
        assertThat(results.stream().filter(r -> r.registration().isConfirmed())).hasSize(20);
        assertThat(results.stream().filter(r -> r.registration().isWaitlisted())).hasSize(280);
        assertWaitlistInArrivalOrder(s, 280);
    }

    @Test
    void simultaneousRequestsOfOneNewParticipantCreateOneRegistrationAndTakeOneSeat() throws Exception {
        Session s = publishSession(5);
        String token = participant(unique("twin"));
        List<Callable<Http.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            calls.add(() -> http().post("/api/registrations", token, "{\"sessionId\":\"" + s.id() + "\"}"));
        }
        List<Http.Response> answers = runTogether(calls);

        assertThat(answers).allSatisfy(r -> assertThat(r.status()).as(r.text()).isIn(200, 201));
        assertThat(answers.stream().map(r -> r.json().get("id").asString()).distinct()).hasSize(1);
        assertThat(registrations.ofSession(s.id(), null)).hasSize(1);
        assertThat(new SeatLedger(mongo, clock).find(s.id(), SeatMode.IN_PERSON).free()).isEqualTo(4);
    }

    @Test
    void concurrentCancellationsPromoteExactlyAsManyInWaitlistOrder() throws Exception {
        Session s = publishSession(20);
        List<CurrentUser> users = IntStream.range(0, 60).mapToObj(i -> new CurrentUser(unique("c" + i), "N", null,
                null, "en", java.util.Set.of("PARTICIPANT"))).toList();
        List<Registration> regs = new ArrayList<>();
        for (CurrentUser u : users) {
            regs.add(service.register(u, s.id(), null).registration());
        }
        List<Registration> firstWaiting = registrations.waitlist(s.id(), SeatMode.IN_PERSON, 10);
        RegistrationService second = secondInstance();
        List<Callable<Registration>> cancels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            CurrentUser u = users.get(i);
            String id = regs.get(i).id();
            RegistrationService target = i % 2 == 0 ? service : second;
            cancels.add(() -> target.cancel(u, id, null));
        }
        runTogether(cancels);

        assertThat(registrations.countConfirmed(s.id(), SeatMode.IN_PERSON)).isEqualTo(20);
        assertThat(registrations.waitlist(s.id(), SeatMode.IN_PERSON, 0)).hasSize(30);
        for (Registration promoted : firstWaiting) {
            assertThat(registrations.find(promoted.id()).get().isConfirmed()).isTrue();
        }
        assertThat(new SeatLedger(mongo, clock).find(s.id(), SeatMode.IN_PERSON).free()).isZero();
    }

    /** Positions 1..n follow the waitlist numbers handed out by the counter, i.e. the order requests got in. */
    private void assertWaitlistInArrivalOrder(Session s, int expected) {
        List<Registration> all = registrations.ofSession(s.id(), null);
        assertThat(all).hasSize(20 + expected);
        assertThat(all.stream().filter(Registration::isConfirmed)).hasSize(20);
        List<Registration> waiting = registrations.waitlist(s.id(), SeatMode.IN_PERSON, 0);
        assertThat(waiting).hasSize(expected);
        assertThat(waiting).isSortedAccordingTo(Comparator.comparing(Registration::waitNumber));
        assertThat(waiting.stream().map(Registration::waitNumber).distinct()).hasSize(expected);
        for (int i = 0; i < waiting.size(); i += 37) {
            assertThat(registrations.waitlistPosition(waiting.get(i))).isEqualTo(i + 1);
        }
    }

    /** A second, independent instance of the domain over its own connection to the same database. */
    private RegistrationService secondInstance() {
        MongoClient client = MongoClients.create(TestInfrastructure.mongoUri("eduweek-registration-it"));
        MongoTemplate other = new MongoTemplate(client, "eduweek-registration-it");
        SessionReplica sessions = new SessionReplica(other);
        Registrations regs = new Registrations(other, outboxEvents, relay);
        SeatLedger ledger = new SeatLedger(other, clock);
        Profiles profiles = new Profiles(new ProfileStore(other, outboxEvents, relay), clock);
        WaitlistPromoter promoter = new WaitlistPromoter(ledger, regs, sessions, clock);
        return new RegistrationService(sessions, regs, ledger, profiles, promoter, clock,
                new org.eduweek.platform.teams.EditionGuard(editionId -> java.util.Optional.empty()));
    }

    private static <T> List<T> runTogether(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> c : calls) {
            futures.add(POOL.submit(() -> {
                start.await();
                return c.call();
            }));
        }
        start.countDown();
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) {
            out.add(f.get());
        }
        return out;
    }
}
