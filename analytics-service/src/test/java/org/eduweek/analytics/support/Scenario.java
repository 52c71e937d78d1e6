package org.eduweek.analytics.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A scripted week, built from the producers' golden samples with fields swapped: three sessions, eight
 * participants, registrations, cancellations, promotions (one overtaking its creation), check-ins, notifications,
 * redeliveries. The registration events also carry a name, email and phone that a buggy producer might leak, so
 * the privacy tests can prove none of it sticks. Expected figures are in {@code ScenarioIT} and {@code ProjectionTest}.
 */
public final class Scenario {

    public record Event(String topic, String key, String type, String json) {
    }

    public static final String LEAKED_NAME = "Alice Chen";
    public static final String LEAKED_EMAIL = "alice@example.edu";
    public static final String LEAKED_PHONE = "+8613800138000";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Instant CREATED = Instant.parse("2020-10-16T08:00:00Z");
    private static final Instant CANCELLED = Instant.parse("2020-10-17T09:00:00Z");

    public final String edition;
    public final String sessionA;
    public final String sessionB;
    public final String sessionC;
    public final String track1;
    public final String track2;
    public final String activityA;
    public final List<String> participants = new ArrayList<>();
    private final String tag;
    private final List<Event> events = new ArrayList<>();
    private int created;

    public Scenario(String tag) {
        this.tag = tag;
        edition = "edi-" + tag;
        sessionA = "ses-a-" + tag;
        sessionB = "ses-b-" + tag;
        sessionC = "ses-c-" + tag;
        track1 = "trk-1-" + tag;
        track2 = "trk-2-" + tag;
        activityA = "act-a-" + tag;
        for (int i = 1; i <= 8; i++) {
            participants.add("scn-participant-" + i + "-" + tag);
        }
        script();
    }

    public List<Event> events() {
        return List.copyOf(events);
    }

    private void script() {
        session(sessionA, track1, activityA, "OFFLINE", 4, 0, "2020-10-21T01:00:00Z", "2020-10-21T04:00:00Z", "Pingyuan");
        session(sessionB, track1, "act-b-" + tag, "ONLINE", 0, 10, "2020-10-22T01:00:00Z", "2020-10-22T03:00:00Z", null);
        session(sessionC, track2, "act-c-" + tag, "HYBRID", 1, 1, "2020-10-23T01:00:00Z", "2020-10-23T03:00:00Z", "Tongzhou");
        for (int p = 1; p <= 4; p++) {
            create(sessionA, p, "CONFIRMED", "IN_PERSON");
        }
        create(sessionA, 5, "WAITLISTED", "IN_PERSON");
        cancel(sessionA, 2, 0);
        promote(sessionA, 5, 1);
        cancel(sessionA, 3, 2);
        promote(sessionA, 6, 3);                        // overtakes its own creation
        create(sessionA, 6, "WAITLISTED", "IN_PERSON");
        create(sessionB, 1, "CONFIRMED", "ONLINE");
        create(sessionB, 7, "CONFIRMED", "ONLINE");
        create(sessionB, 8, "CONFIRMED", "ONLINE");
        cancel(sessionB, 8, 4);
        create(sessionC, 2, "CONFIRMED", "IN_PERSON");
        create(sessionC, 3, "CONFIRMED", "ONLINE");
        create(sessionC, 4, "WAITLISTED", "IN_PERSON");
        create(sessionC, 7, "WAITLISTED", "ONLINE");
        checkIn(sessionA, 1);
        checkIn(sessionA, 5);
        checkIn(sessionB, 7);
        for (int n = 1; n <= 5; n++) {
            notification("NotificationSent", "n" + n, sessionA, "EMAIL", 0);
        }
        notification("NotificationSent", "n6", sessionB, "SMS", 0);
        notification("NotificationSent", "n7", sessionC, "SMS", 0);
        notification("NotificationFailed", "n8", sessionC, "SMS", 0);
        notification("NotificationFailed", "n9", sessionB, "EMAIL", 0);
        notification("NotificationSent", "n9", sessionB, "EMAIL", 60);   // the retry succeeded later
        // redeliveries: the same events again
        List<Event> again = List.of(events.get(3), events.get(8), events.get(events.size() - 1),
                events.get(events.size() - 9), events.get(10), events.get(events.size() - 2));
        events.addAll(again);
    }

    private void session(String id, String track, String activity, String mode, int inPerson, int online,
            String start, String end, String campus) {
        ObjectNode e = sample(Samples.schedule("SessionScheduled"));
        e.put("sessionId", id).put("editionId", edition).put("trackId", track).put("activityId", activity)
                .put("mode", mode).put("start", start).put("end", end).put("sequence", 1);
        ((ObjectNode) e.get("capacity")).put("inPerson", inPerson).put("online", online);
        if (campus == null) {
            e.putNull("venue");
        } else {
            ((ObjectNode) e.get("venue")).put("campus", campus);
        }
        add("schedule.events.v1", id, "SessionScheduled", e);
    }

    private void create(String session, int p, String status, String seatMode) {
        ObjectNode e = registration("RegistrationCreated", session, p, CREATED.plusSeconds(1200L * created++));
        e.put("status", status).put("seatMode", seatMode);
        add("registration.events.v1", session, "RegistrationCreated", e);
    }

    private void cancel(String session, int p, int order) {
        ObjectNode e = registration("RegistrationCancelled", session, p, CANCELLED.plusSeconds(10L * order));
        e.put("cancelledBy", participants.get(p - 1)).put("reasonText", "mail me at " + LEAKED_EMAIL);
        add("registration.events.v1", session, "RegistrationCancelled", e);
    }

    private void promote(String session, int p, int order) {
        add("registration.events.v1", session, "WaitlistPromoted",
                registration("WaitlistPromoted", session, p, CANCELLED.plusSeconds(10L * order + 1)));
    }

    private void checkIn(String session, int p) {
        add("registration.events.v1", session, "ParticipantCheckedIn",
                registration("ParticipantCheckedIn", session, p, Instant.parse("2020-10-21T01:05:00Z")));
    }

    private ObjectNode registration(String type, String session, int p, Instant at) {
        ObjectNode e = sample(Samples.registration(type));
        e.put("eventId", UUID.randomUUID().toString()).put("occurredAt", at.toString())
                .put("registrationId", "reg-" + session + "-" + p).put("sessionId", session)
                .put("editionId", edition).put("participantId", participants.get(p - 1))
                .put("audience", p <= 4 ? "STUDENT" : p <= 6 ? "TEACHER" : "EXTERNAL_SCHOLAR")
                .put("country", p <= 3 ? "CN" : "DE")
                .put("affiliation", p <= 6 ? "Beijing University of Technology" : "Technical University of Munich")
                .put("name", LEAKED_NAME).put("email", LEAKED_EMAIL).put("phone", LEAKED_PHONE);
        return e;
    }

    private void notification(String type, String id, String session, String channel, int seconds) {
        ObjectNode e = sample(Samples.notification(type));
        e.put("eventId", UUID.randomUUID().toString()).put("notificationId", id + "-" + tag)
                .put("sessionId", session).put("editionId", edition).put("channel", channel)
                .put("participantId", participants.get(0))
                .put("occurredAt", Instant.parse("2020-10-16T09:00:00Z").plusSeconds(seconds).toString());
        if (e.has("error")) {
            e.put("error", "provider refused " + LEAKED_PHONE);
        }
        add("notification.events.v1", participants.get(0), type, e);
    }

    private void add(String topic, String key, String type, ObjectNode json) {
        events.add(new Event(topic, key, type, JSON.writeValueAsString(json)));
    }

    private static ObjectNode sample(String json) {
        return (ObjectNode) JSON.readTree(json);
    }
}
