package org.eduweek.notification.support;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import tools.jackson.databind.node.ObjectNode;

import org.eduweek.platform.testing.MutableClock;

/**
 * Events built from the producers' golden samples (read by their path in the repository), with fresh ids and times
 * relative to the test clock, so tests sharing one context never see each other's data.
 */
public class Fixtures {

    private final MutableClock clock;

    public Fixtures(MutableClock clock) {
        this.clock = clock;
    }

    public static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid Chinese mobile number in E.164, unique enough per test. */
    public static String phone() {
        return "+86138" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    public ObjectNode session(String sessionId, Duration startsIn, long sequence) {
        ObjectNode e = TestEvents.sample("schedule-service", "SessionScheduled");
        Instant start = clock.instant().plus(startsIn);
        e.put("eventId", UUID.randomUUID().toString());
        e.put("occurredAt", clock.instant().toString());
        e.put("sessionId", sessionId);
        e.put("sequence", sequence);
        e.put("start", start.toString());
        e.put("end", start.plus(Duration.ofHours(2)).toString());
        return e;
    }

    public void publishSession(String type, ObjectNode session) {
        TestEvents.publish("schedule.events.v1", session.get("sessionId").asString(), type, session);
    }

    public ObjectNode profile(String participantId, String email, String phone, String language, boolean consent,
            long version) {
        ObjectNode e = TestEvents.sample("registration-service", "ParticipantProfileChanged");
        e.put("eventId", UUID.randomUUID().toString());
        e.put("occurredAt", clock.instant().toString());
        e.put("participantId", participantId);
        e.put("email", email);
        e.put("phone", phone);
        e.put("language", language);
        e.put("smsConsent", consent);
        e.put("profileVersion", version);
        return e;
    }

    public void publishProfile(ObjectNode profile) {
        TestEvents.publish("participant.events.v1", profile.get("participantId").asString(),
                "ParticipantProfileChanged", profile);
    }

    public ObjectNode registration(String registrationId, String sessionId, String participantId, String status,
            long sequence) {
        ObjectNode e = TestEvents.sample("registration-service", "RegistrationCreated");
        e.put("eventId", UUID.randomUUID().toString());
        e.put("occurredAt", clock.instant().toString());
        e.put("registrationId", registrationId);
        e.put("sessionId", sessionId);
        e.put("participantId", participantId);
        e.put("status", status);
        e.put("sessionSequence", sequence);
        if ("WAITLISTED".equals(status)) {
            e.put("waitlistPosition", 3);
        }
        return e;
    }

    public void publishRegistration(String type, ObjectNode e) {
        TestEvents.publish("registration.events.v1", e.get("sessionId").asString(), type, e);
    }

    /** Registers a participant (profile + session + registration) and returns their ids. */
    public Person person(String language, boolean smsConsent) {
        String pid = id("p");
        Person p = new Person(pid, pid + "@example.edu", phone());
        publishProfile(profile(pid, p.email(), p.phone(), language, smsConsent, 1));
        return p;
    }

    public record Person(String id, String email, String phone) {
    }
}
