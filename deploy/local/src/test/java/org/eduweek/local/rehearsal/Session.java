package org.eduweek.local.rehearsal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A session of the rehearsal's programme as the organizers planned it, and what happened to it since. */
public final class Session {

    /** A start time and from when it was public (a release can move a session). */
    record Timing(Instant start, Instant end, Instant since) {
    }

    final String code;
    final String titleEn;
    final String titleZh;
    final String activity;
    final String mode;
    final ZoneId zone;
    final int inPerson;
    final int online;
    final String campus;
    final String building;
    String room;
    final List<String> audience;
    final List<Timing> timings = new ArrayList<>();
    String id;
    String activityId;
    String trackId;
    Instant cancelledAt;

    Session(String code, String titleEn, String titleZh, String activity, String mode, ZoneId zone, Instant start,
            int minutes, int inPerson, int online, String campus, String building, String room,
            List<String> audience) {
        this.code = code;
        this.titleEn = code + " " + titleEn;
        this.titleZh = code + " " + titleZh;
        this.activity = activity;
        this.mode = mode;
        this.zone = zone;
        this.inPerson = inPerson;
        this.online = online;
        this.campus = campus;
        this.building = building;
        this.room = room;
        this.audience = audience;
        Instant s = start.truncatedTo(ChronoUnit.SECONDS);
        timings.add(new Timing(s, s.plus(minutes, ChronoUnit.MINUTES), Instant.EPOCH));
    }

    public Instant start() {
        return timings.get(timings.size() - 1).start();
    }

    public Instant end() {
        return timings.get(timings.size() - 1).end();
    }

    /** The start that was public at {@code at}. */
    Timing timingAt(Instant at) {
        Timing current = timings.get(0);
        for (Timing t : timings) {
            if (!t.since().isAfter(at)) {
                current = t;
            }
        }
        return current;
    }

    void moveTo(Instant start, Instant end, Instant since) {
        timings.add(new Timing(start, end, since));
    }

    public boolean cancelled() {
        return cancelledAt != null;
    }

    public boolean cancelledBefore(Instant at) {
        return cancelledAt != null && cancelledAt.isBefore(at);
    }

    public int capacity() {
        return inPerson + online;
    }

    public List<String> seatModes() {
        return switch (mode) {
            case "ONLINE" -> List.of("ONLINE");
            case "OFFLINE" -> List.of("IN_PERSON");
            default -> List.of("IN_PERSON", "ONLINE");
        };
    }

    public boolean admits(Person p) {
        return audience.isEmpty() || audience.contains(p.audience);
    }

    /** The analytics' campus: the venue's, or ONLINE for an online session. */
    public String campus() {
        return campus;
    }

    public String code() {
        return code;
    }

    public String id() {
        return id;
    }

    /** The schedule-service request body (draft unless published later by a release). */
    public Map<String, Object> request(String editionId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("editionId", editionId);
        body.put("activityId", activityId);
        body.put("title", Map.of("en", titleEn, "zh", titleZh));
        body.put("start", start().atZone(zone).toOffsetDateTime().toString());
        body.put("end", end().atZone(zone).toOffsetDateTime().toString());
        body.put("timeZone", zone.getId());
        body.put("mode", mode);
        if ("HYBRID".equals(mode)) {
            body.put("capacityInPerson", inPerson);
            body.put("capacityOnline", online);
        } else {
            body.put("capacity", "ONLINE".equals(mode) ? online : inPerson);
        }
        if (!"ONLINE".equals(mode)) {
            body.put("venue", Map.of("campus", campus, "building", building, "room", room));
        }
        if (!"OFFLINE".equals(mode)) {
            body.put("joinLink", "https://meeting.example.edu/j/" + code.toLowerCase());
        }
        body.put("audience", audience);
        body.put("publish", false);
        return body;
    }

    @Override
    public String toString() {
        return code + " " + mode + " " + (inPerson > 0 ? inPerson + " in person " : "")
                + (online > 0 ? online + " online " : "") + start() + " " + zone;
    }
}
