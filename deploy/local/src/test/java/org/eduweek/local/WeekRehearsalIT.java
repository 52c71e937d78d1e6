package org.eduweek.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eduweek.local.launcher.ServiceSpec;
import org.eduweek.local.rehearsal.AnalyticsTruth;
import org.eduweek.local.rehearsal.Api;
import org.eduweek.local.rehearsal.Cast;
import org.eduweek.local.rehearsal.Channel;
import org.eduweek.local.rehearsal.ConsumerLag;
import org.eduweek.local.rehearsal.DeadLetters;
import org.eduweek.local.rehearsal.Mailbox;
import org.eduweek.local.rehearsal.Person;
import org.eduweek.local.rehearsal.Programme;
import org.eduweek.local.rehearsal.Registration;
import org.eduweek.local.rehearsal.ServiceLogs;
import org.eduweek.local.rehearsal.Session;
import org.eduweek.local.rehearsal.WeekStory;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A whole International Education Week, compressed into minutes, the way the 2020 week ran: the platform as the run
 * command starts it (with short reminder lead times), driven through the gateway with tokens from the stack's
 * identity provider. An edition with tracks and activities; thirteen sessions online, offline and hybrid on both
 * campuses 30-70 minutes ahead; 220 participants (Chinese and English; students, teachers, external scholars; some
 * with phones and SMS consent) who rush the small sessions; cancellations that promote; a release that moves one
 * session, changes another's room and cancels a third; door check-ins by QR code; an announcement; reminders falling
 * due; two poison records half-way (not JSON; no eventType header). {@link WeekStory} keeps the ground truth; at the end every participant's messages,
 * every analytics figure, every consumer group's lag, the dead-letter topics and the services' logs are checked
 * against it, and every difference is reported at once.
 */
@ExtendWith(SharedPlatform.Extension.class)
@Order(1)
class WeekRehearsalIT {

    private static final int PARTICIPANTS = 220;
    /** When the first reminders fall due after the programme is drafted: after everything they depend on. */
    private static final Duration DUE_AFTER = Duration.ofSeconds(120);
    private static final String ANNOUNCEMENT = "Conference room opens early";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    private final List<String> failures = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(8);

    @Test
    void aCompressedWeekDeliversEachParticipantsMessagesOnceWithExactFiguresAndNoLag(SharedPlatform shared)
            throws Exception {
        Platform platform = shared.platform();
        Instant begin = Instant.now();
        ServiceLogs logs = new ServiceLogs(platform.processes());
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (Api api = new Api(platform.gatewayUrl(), platform.stackUrl());
                ConsumerLag lag = new ConsumerLag(platform.kafkaBootstrapServers())) {
            String organizer = api.token(Map.of("sub", "iew-organizer-" + run, "name", "Olivia Organizer",
                    "roles", List.of("ORGANIZER"), "ttlSeconds", 7200));

            Instant drafted = Instant.now();
            Programme programme = new Programme(run, drafted, DUE_AFTER);
            programme.create(api, organizer, drafted);
            List<Person> people = Cast.of(PARTICIPANTS, run);
            WeekStory story = new WeekStory(people, programme.sessions());
            Instant firstDue = drafted.plus(DUE_AFTER);

            signUp(api, people);
            // Registration opens once the profiles have reached the notification service: a confirmation made
            // before a participant's consent arrives there goes without its SMS (see signUp)
            awaitNoLag(lag, "notification-service", Duration.ofSeconds(60));
            awaitSessionsKnownToRegistration(api, organizer, programme.sessions());
            rush(api, story, Cast.registrations(people, programme.sessions(), programme.quotas(), programme.slots()));
            int early = cancelEarly(api, organizer, story);

            // The release goes out once the office's confirmations have: the notification service tells a session's
            // registrants from its own replica, and sends about a session as it is at the moment of sending
            Mailbox mailbox = new Mailbox(api, ANNOUNCEMENT);
            awaitNoLag(lag, "notification-service", Duration.ofSeconds(60));
            if (!await("the messages so far", Duration.ofSeconds(45),
                    () -> mailbox.received(people).equals(story.expectedMessages(Instant.now())))) {
                differences(story.expectedMessages(Instant.now()), mailbox.received(people), 10)
                        .forEach(d -> System.out.println("[rehearsal] before the release, " + d));
            }
            Instant released = releaseChanges(api, organizer, programme, story, run);

            // Half-way, two records no service can read, on the key of a session that keeps going: they must land
            // in the dead-letter topics without holding up what follows on that partition
            DeadLetters kafka = new DeadLetters(platform.kafkaBootstrapServers());
            RecordMetadata poison = kafka.send("registration.events.v1", story.session("S01").id(),
                    "{not json: poison record of rehearsal " + run, Map.of("eventType", "RegistrationCreated",
                            "eventVersion", "1", "eventId", UUID.randomUUID().toString()));
            RecordMetadata headerless = kafka.send("registration.events.v1", story.session("S01").id(),
                    "{\"rehearsal\":\"" + run + "\",\"note\":\"a record without an eventType header\"}", Map.of());

            int checkIns = checkIn(api, organizer, story);
            // S05's registrants have not changed since the service was last seen caught up (before the release)
            Instant announced = Instant.now();
            api.call("POST", "/api/notifications/announcements", organizer, Map.of("sessionId",
                    story.session("S05").id(), "subject", ANNOUNCEMENT, "message",
                    "The conference room opens 15 minutes early for a sound check.", "channels",
                    List.of("EMAIL", "SMS"))).expect(202, "announcement");
            story.announced(story.session("S05"), Set.of(Channel.EMAIL, Channel.SMS), announced);
            assertThat(Instant.now()).as("the story up to the announcement must end before the first reminders fall "
                    + "due (" + firstDue + "); it took until now since " + drafted).isBefore(firstDue.minusSeconds(15));

            int late = cancelAfterReminders(api, story, mailbox, firstDue);

            Instant end = Instant.now();
            checkMessages(story, mailbox, end);
            checkLag(lag);
            checkDeadLetters(kafka, List.of(poison, headerless));
            checkAnalytics(api, organizer, story, programme, end);
            checkLogs(logs, List.of(poison, headerless));
            logs.personalData(people).stream().limit(5).forEach(l -> failures.add("personal data in a log: " + l));
            checkNothingMoreArrived(story, mailbox, end);

            Duration took = Duration.between(begin, Instant.now());
            System.out.printf("[rehearsal] %d participants, %d sessions, %d registrations (%d confirmed, %d waitlisted "
                    + "at the end), %d cancellations before and %d after the reminders, 3 changes in release 2, %d "
                    + "check-ins, 1 announcement, %d messages expected %s; took %d s%n", people.size(),
                    programme.sessions().size(), story.registrations().size(),
                    story.registrations().stream().filter(Registration::confirmed).count(),
                    story.registrations().stream().filter(Registration::waitlisted).count(), early, late, checkIns,
                    story.expectedCount(end), story.expectedByKind(end), took.toSeconds());
            if (!failures.isEmpty()) {
                shared.markFailed();
                throw new AssertionError(failures.size() + " finding(s) in the rehearsal (released at " + released
                        + "):\n- " + String.join("\n- ", failures));
            }
        } finally {
            workers.shutdownNow();
        }
    }

    // ---- the week ----

    /**
     * Tokens from the identity provider, then the profile each fills in and the preferences a few set. The profile
     * is created from the token's claims (no SMS consent yet) and then changed: two ParticipantProfileChanged events,
     * on another topic than the registrations.
     */
    private void signUp(Api api, List<Person> people) throws Exception {
        parallel(people, p -> {
            p.signIn(api.token(p.tokenClaims()));
            api.call("PUT", "/api/registrations/me/profile", p.token(), p.profile()).expect(200, "profile of " + p);
            if (p.hasPreferences()) {
                api.call("PUT", "/api/notifications/me/preferences", p.token(), p.preferences())
                        .expect(200, "preferences of " + p);
            }
        });
    }

    /** registration-service learns sessions from schedule events: 404 until its replica has them. */
    private void awaitSessionsKnownToRegistration(Api api, String organizer, List<Session> sessions)
            throws InterruptedException {
        await("registration-service knows every session", Duration.ofSeconds(60), () -> sessions.stream()
                .allMatch(s -> api.call("GET", "/api/registrations/sessions/" + s.id() + "/availability", organizer,
                        null).status() == 200));
    }

    /** Everyone registers at once; the answers decide who has a seat and who waits, in which order. */
    private void rush(Api api, WeekStory story, List<Registration> plan) throws Exception {
        record Answer(Registration r, JsonNode body) {
        }
        List<Answer> answers = java.util.Collections.synchronizedList(new ArrayList<>());
        parallel(plan, r -> {
            Map<String, Object> body = Map.of("sessionId", r.session().id(), "seatMode", r.seatMode());
            String key = UUID.randomUUID().toString();
            JsonNode created = api.call("POST", "/api/registrations", r.person().token(), body,
                    Map.of("Idempotency-Key", key)).expect(201, "registration " + r);
            answers.add(new Answer(r, created));
            if (answers.size() % 25 == 0) {
                // a double click: the same request again, and again without its key, changes nothing
                Api.Answer replay = api.call("POST", "/api/registrations", r.person().token(), body,
                        Map.of("Idempotency-Key", key));
                Api.Answer again = api.call("POST", "/api/registrations", r.person().token(), body);
                if (replay.status() != 201 || !replay.json().path("id").equals(created.path("id"))
                        || again.status() != 200 || !again.json().path("id").equals(created.path("id"))) {
                    failures.add("a repeated registration of " + r + " answered " + replay.status() + " "
                            + replay.body() + " and " + again.status() + " " + again.body());
                }
            }
        });
        answers.sort(Comparator.comparing(a -> a.body().path("createdAt").asText()));
        for (Answer a : answers) {
            Integer position = a.body().path("waitlistPosition").isNumber()
                    ? a.body().path("waitlistPosition").asInt() : null;
            story.registered(a.r(), a.body().path("id").asText(), a.body().path("status").asText(), position,
                    Instant.parse(a.body().path("createdAt").asText()));
        }
    }

    /** Cancellations before the reminders: seats that promote the next in line, a waiting place, an organizer's. */
    private int cancelEarly(Api api, String organizer, WeekStory story) {
        int n = 0;
        n += cancel(api, story, first(story, "S03", "IN_PERSON"), null);
        for (int i = 0; i < 2; i++) {
            n += cancel(api, story, first(story, "S04", "IN_PERSON"), null);
        }
        n += cancel(api, story, first(story, "S08", "IN_PERSON"), null);
        List<Registration> waiting = story.waitlist(story.session("S07"), "IN_PERSON");
        n += cancel(api, story, waiting.get(waiting.size() - 1), null);
        n += cancel(api, story, first(story, "S12", "IN_PERSON"), organizer);
        return n;
    }

    private static Registration first(WeekStory story, String code, String seatMode) {
        return story.confirmed(story.session(code)).stream().filter(r -> r.seatMode().equals(seatMode)
                && !r.checkedIn()).findFirst().orElseThrow();
    }

    /** Cancels (as the participant, or as an organizer) and checks that the right person got the seat. */
    private int cancel(Api api, WeekStory story, Registration r, String organizer) {
        JsonNode done = api.call("POST", "/api/registrations/" + r.id() + "/cancel",
                organizer != null ? organizer : r.person().token(),
                organizer != null ? Map.of("reason", "Booked twice by mistake") : Map.of())
                .expect(200, "cancellation of " + r);
        Registration promoted = story.cancelled(r, Instant.parse(done.path("cancelledAt").asText()));
        if (promoted != null) {
            JsonNode now = api.call("GET", "/api/registrations/" + promoted.id(), promoted.person().token(), null)
                    .expect(200, "promoted " + promoted);
            if (!"CONFIRMED".equals(now.path("status").asText())) {
                failures.add("after cancelling " + r + " the waitlist should have promoted " + promoted
                        + ", who is " + now.path("status").asText());
            } else {
                story.promotedAt(promoted, Instant.parse(now.path("confirmedAt").asText()));
            }
        }
        return 1;
    }

    /** Release 2: one session moves three hours later, another changes its room, a third is cancelled. */
    private Instant releaseChanges(Api api, String organizer, Programme programme, WeekStory story, String run) {
        Session moved = story.session("S06");
        Session rerouted = story.session("S07");
        Session dropped = story.session("S02");
        Instant released = Instant.now();
        story.move(moved, Duration.ofHours(3), released);
        api.call("PUT", "/api/schedule/sessions/" + moved.id(), organizer, moved.request(programme.editionId()))
                .expect(200, "moving " + moved);
        story.reroute(rerouted, "Hall B-" + run);
        api.call("PUT", "/api/schedule/sessions/" + rerouted.id(), organizer,
                rerouted.request(programme.editionId())).expect(200, "new room for " + rerouted);
        api.call("POST", "/api/schedule/sessions/" + dropped.id() + "/cancel", organizer,
                Map.of("reason", "The hall is closed for repairs", "publish", false)).expect(200, "cancel " + dropped);
        JsonNode release = api.call("POST", "/api/schedule/editions/" + programme.editionId() + "/releases",
                organizer, Map.of("note", "Programme changes")).expect(201, "release 2");
        assertThat(release.path("entries")).as("release 2 entries").hasSize(3);
        story.changed(moved, released);
        story.changed(rerouted, released);
        story.cancelled(dropped, released);
        return released;
    }

    /**
     * Door check-ins of the first sessions by the QR code's text: first scans, a repeated scan (nothing new) and a
     * code shown at the wrong session's door (refused).
     */
    private int checkIn(Api api, String organizer, WeekStory story) {
        int n = 0;
        Map<String, Integer> howMany = Map.of("S01", 6, "S03", 3, "S04", 2, "S05", 10);
        for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(howMany).entrySet()) {
            Session s = story.session(e.getKey());
            List<Registration> confirmed = story.confirmed(s);
            for (Registration r : confirmed.subList(confirmed.size() - Math.min(e.getValue(), confirmed.size()),
                    confirmed.size())) {
                JsonNode result = scan(api, organizer, s, qr(api, r)).expect(200, "check-in of " + r);
                if (result.path("alreadyCheckedIn").asBoolean()) {
                    failures.add("the first scan of " + r + " said already checked in");
                }
                story.checkedIn(r);
                n++;
            }
        }
        Registration again = story.confirmed(story.session("S05")).stream().filter(Registration::checkedIn)
                .findFirst().orElseThrow();
        JsonNode repeated = scan(api, organizer, again.session(), qr(api, again)).expect(200, "repeated scan");
        if (!repeated.path("alreadyCheckedIn").asBoolean()) {
            failures.add("a repeated scan of " + again + " was taken as a new check-in: " + repeated);
        }
        Registration elsewhere = story.confirmed(story.session("S01")).get(0);
        Api.Answer wrongDoor = scan(api, organizer, story.session("S05"), qr(api, elsewhere));
        if (wrongDoor.status() != 409) {
            failures.add("a code for S01 shown at S05's door answered " + wrongDoor.status() + " " + wrongDoor.body());
        }
        return n;
    }

    private static String qr(Api api, Registration r) {
        return api.call("GET", "/api/registrations/" + r.id() + "/qr-token", r.person().token(), null)
                .expect(200, "QR code of " + r).path("token").asText();
    }

    private static Api.Answer scan(Api api, String organizer, Session s, String code) {
        return api.call("POST", "/api/registrations/sessions/" + s.id() + "/check-ins", organizer,
                Map.of("token", code));
    }

    /**
     * Once the reminders have gone out, a participant of each of the two sessions reminded cancels: each had their
     * reminder; whoever the waitlist promotes now gets no reminder, it was due before their seat.
     */
    private int cancelAfterReminders(Api api, WeekStory story, Mailbox mailbox, Instant firstDue)
            throws InterruptedException {
        Registration emailReminded = first(story, "S04", "IN_PERSON");
        Registration smsReminded = story.confirmed(story.session("S08")).stream()
                .filter(r -> r.person().reachableBy(Channel.SMS)).findFirst()
                .orElse(first(story, "S08", "IN_PERSON"));
        sleepUntil(firstDue.plusSeconds(15 + 20));
        // the dispatcher's due-scan runs every few seconds; wait (a little) for the reminders it should have sent
        await("reminders of the late cancellers sent", Duration.ofSeconds(30), () -> {
            Map<Person, List<String>> got = mailbox.received(List.of(emailReminded.person(), smsReminded.person()));
            return got.values().stream().allMatch(l -> l.stream().anyMatch(m -> m.contains("REMINDER")));
        });
        cancel(api, story, emailReminded, null);
        cancel(api, story, smsReminded, null);
        return 2;
    }

    // ---- the checks ----

    private void checkMessages(WeekStory story, Mailbox mailbox, Instant end) throws InterruptedException {
        Map<Person, List<String>> expected = story.expectedMessages(end);
        Map<Person, List<String>>[] received = new Map[1];
        boolean same = await("every participant's messages", SETTLE, () -> {
            received[0] = mailbox.received(story.people());
            return received[0].equals(expected);
        });
        if (!same) {
            List<String> all = differences(expected, received[0], Integer.MAX_VALUE);
            all.stream().limit(25).forEach(failures::add);
            failures.add(all.size() + " of " + story.people().size() + " participants did not get exactly their "
                    + "messages (first 25 above); expected by kind " + story.expectedByKind(end));
        }
    }

    private static List<String> differences(Map<Person, List<String>> expected, Map<Person, List<String>> received,
            int limit) {
        return expected.keySet().stream().filter(p -> !expected.get(p).equals(received.get(p))).limit(limit)
                .map(p -> "messages of " + p + ": missing " + minus(expected.get(p), received.get(p))
                        + ", unexpected " + minus(received.get(p), expected.get(p)))
                .toList();
    }

    private void checkNothingMoreArrived(WeekStory story, Mailbox mailbox, Instant end) {
        differences(story.expectedMessages(end), mailbox.received(story.people()), 10)
                .forEach(d -> failures.add("later, " + d));
    }

    private void checkLag(ConsumerLag lag) throws InterruptedException {
        List<String>[] behind = new List[1];
        if (!await("no consumer lag", SETTLE, () -> (behind[0] = lag.behind()).isEmpty())) {
            failures.add("consumer groups still behind after " + SETTLE.toSeconds() + " s: " + behind[0]);
        }
    }

    /** Both broken records in the dead-letter topic of each service that reads the topic, once each. */
    private void checkDeadLetters(DeadLetters kafka, List<RecordMetadata> poison) {
        for (String dlq : List.of("notification-service.dlq", "analytics-service.dlq")) {
            List<ConsumerRecord<String, String>> records = kafka.read(dlq);
            for (RecordMetadata p : poison) {
                List<ConsumerRecord<String, String>> copies = records.stream().filter(r -> String.valueOf(p.offset())
                        .equals(DeadLetters.header(r, "x-original-offset")) && String.valueOf(p.partition())
                        .equals(DeadLetters.header(r, "x-original-partition")) && p.topic()
                        .equals(DeadLetters.header(r, "x-original-topic"))).toList();
                if (copies.size() != 1) {
                    failures.add(dlq + " holds " + copies.size() + " copies of the poison record " + where(p)
                            + " (expected 1)");
                }
            }
        }
    }

    private static String where(RecordMetadata r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }

    private void checkAnalytics(Api api, String organizer, WeekStory story, Programme programme, Instant end)
            throws InterruptedException {
        AnalyticsTruth truth = new AnalyticsTruth(story, programme, end);
        List<String>[] diffs = new List[1];
        if (!await("analytics equal to the ground truth", Duration.ofSeconds(30),
                () -> (diffs[0] = truth.differences(api, organizer)).isEmpty())) {
            diffs[0].stream().limit(40).forEach(d -> failures.add("analytics: " + d));
        }
    }

    /**
     * Each service that dead-letters a poison record logs it once at ERROR ({@code Dead-lettered <topic>-<partition>@
     * <offset> to <dlq>: <reason>}); nothing else may be logged at ERROR.
     */
    private void checkLogs(ServiceLogs logs, List<RecordMetadata> poison) throws Exception {
        Set<ServiceSpec> deadLetterers = Set.of(ServiceSpec.NOTIFICATION, ServiceSpec.ANALYTICS);
        for (Map.Entry<ServiceSpec, List<String>> e : logs.errors().entrySet()) {
            List<String> others = new ArrayList<>(e.getValue());
            for (RecordMetadata p : poison) {
                List<String> lines = e.getValue().stream()
                        .filter(l -> l.contains("Dead-lettered " + where(p) + " to ")).toList();
                others.removeAll(lines);
                int expected = deadLetterers.contains(e.getKey()) ? 1 : 0;
                if (lines.size() != expected) {
                    failures.add(e.getKey() + " logged the dead letter of " + where(p) + " " + lines.size()
                            + " times at ERROR (expected " + expected + ")");
                }
            }
            others.stream().limit(5).forEach(l -> failures.add(e.getKey() + " logged at ERROR: " + l));
        }
    }

    // ---- plumbing ----

    private <T> void parallel(List<T> items, Consumer<T> task) throws Exception {
        List<Future<?>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(workers.submit(() -> task.accept(item)));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
            }
        }
    }

    /** Polls every few seconds (the box has two cores to share); false when the time ran out. */
    private static boolean await(String what, Duration timeout, Check check) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            try {
                if (check.holds()) {
                    return true;
                }
            } catch (Exception e) {
                System.out.println("[rehearsal] " + what + ": " + e);
            }
            if (Instant.now().isAfter(deadline)) {
                System.out.println("[rehearsal] gave up waiting for " + what + " after " + timeout.toSeconds() + " s");
                return false;
            }
            Thread.sleep(2_000);
        }
    }

    private void awaitNoLag(ConsumerLag lag, String group, Duration timeout) throws InterruptedException {
        await(group + " caught up", timeout, () -> lag.behind().stream().noneMatch(l -> l.startsWith(group + " ")));
    }

    private static void sleepUntil(Instant moment) throws InterruptedException {
        long millis = Duration.between(Instant.now(), moment).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(a);
        b.forEach(rest::remove);
        return rest;
    }

    @FunctionalInterface
    private interface Check {
        boolean holds() throws Exception;
    }
}
