package org.eduweek.local.rehearsal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The figures analytics-service must show, computed from the story alone (its definitions: {@code Figures},
 * {@code SessionView}, {@code Breakdowns}), and the differences from what its endpoints answer.
 */
public final class AnalyticsTruth {

    private static final int MIN_GROUP = 3;

    private final WeekStory story;
    private final Programme programme;
    private final Map<Session, Map<String, Long>> sent;

    public AnalyticsTruth(WeekStory story, Programme programme, Instant now) {
        this.story = story;
        this.programme = programme;
        this.sent = story.sentPerSession(now);
    }

    /** Every figure of every session, track, activity and the edition that differs, as readable lines. */
    public List<String> differences(Api api, String organizer) {
        List<String> diffs = new ArrayList<>();
        for (Session s : programme.sessions()) {
            JsonNode view = api.call("GET", "/api/analytics/sessions/" + s.id, organizer, null).json();
            compare(diffs, s.code, expectedSession(s), actualSession(view));
        }
        compareScope(api, organizer, diffs, "edition", "/api/analytics/editions/" + programme.editionId(),
                programme.sessions());
        programme.byTrack().forEach((id, sessions) -> compareScope(api, organizer, diffs, "track " + id,
                "/api/analytics/tracks/" + id, sessions));
        programme.byActivity().forEach((id, sessions) -> compareScope(api, organizer, diffs, "activity " + id,
                "/api/analytics/activities/" + id, sessions));
        return diffs;
    }

    private void compareScope(Api api, String organizer, List<String> diffs, String name, String path,
            List<Session> sessions) {
        JsonNode view = api.call("GET", path, organizer, null).json();
        Map<String, Object> actual = figures(view.path("figures"));
        breakdowns(view.path("breakdowns"), actual);
        compare(diffs, name, expectedScope(sessions), actual);
    }

    private Map<String, Object> expectedSession(Session s) {
        Map<String, Object> f = expectedFigures(List.of(s), true);
        f.put("status", s.cancelled() ? "CANCELLED" : "PUBLISHED");
        f.put("mode", s.mode);
        f.put("campus", String.valueOf(s.campus));
        f.put("timeZone", s.zone.getId());
        f.put("start", s.start().toString());
        f.put("end", s.end().toString());
        f.put("capacity", s.inPerson + "/" + s.online);
        f.put("title", s.titleEn + " | " + s.titleZh);
        return f;
    }

    private Map<String, Object> expectedScope(List<Session> sessions) {
        Map<String, Object> f = expectedFigures(sessions, false);
        f.put("sessions", (long) sessions.stream().filter(s -> !s.cancelled()).count());
        f.put("capacity", (long) sessions.stream().filter(s -> !s.cancelled()).mapToInt(Session::capacity).sum());
        return f;
    }

    private Map<String, Object> expectedFigures(List<Session> sessions, boolean oneSession) {
        List<Registration> regs = story.registrations().stream().filter(r -> sessions.contains(r.session)).toList();
        long confirmed = regs.stream().filter(Registration::confirmed).count();
        long waitlisted = regs.stream().filter(Registration::waitlisted).count();
        long checkedIn = regs.stream().filter(r -> r.confirmed() && r.checkedIn).count();
        long seats = oneSession ? sessions.get(0).capacity()
                : sessions.stream().filter(s -> !s.cancelled()).mapToInt(Session::capacity).sum();
        Map<String, Long> delivered = new TreeMap<>();
        sessions.forEach(s -> sent.get(s).forEach((channel, n) -> delivered.merge(channel, n, Long::sum)));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("confirmed", confirmed);
        f.put("waitlisted", waitlisted);
        f.put("cancelled", regs.stream().filter(r -> "CANCELLED".equals(r.status)).count());
        f.put("checkedIn", checkedIn);
        f.put("noShows", 0L); // no session has ended yet
        f.put("fillRate", ratio(confirmed, seats));
        f.put("waitlistLength", waitlisted);
        f.put("attendanceRate", ratio(checkedIn, confirmed));
        f.put("notificationsSent", delivered.toString());
        f.put("notificationsFailed", "{}");
        expectedBreakdowns(sessions, regs, f);
        return f;
    }

    /**
     * Live (confirmed or waiting) registrations grouped per dimension. A group under 3 people shows only "<3"; in
     * the dimensions that describe people (audience, country, affiliation) such groups are counted together as
     * OTHER, which shows its figures once it reaches 3. The dimensions that describe sessions (campus, mode, day,
     * track) have a group for every session that is not cancelled, even one nobody has registered for yet.
     */
    private static void expectedBreakdowns(List<Session> sessions, List<Registration> regs, Map<String, Object> f) {
        Map<String, Function<Session, String>> ofSessions = new LinkedHashMap<>();
        ofSessions.put("campus", s -> s.campus != null ? s.campus : "ONLINE".equals(s.mode) ? "ONLINE" : "UNKNOWN");
        ofSessions.put("mode", s -> s.mode);
        ofSessions.put("day", s -> s.start().atZone(s.zone).toLocalDate().toString());
        ofSessions.put("track", s -> s.trackId);
        Map<String, Function<Registration, String>> dimensions = new LinkedHashMap<>();
        dimensions.put("audience", r -> r.person.audience);
        dimensions.put("country", r -> r.person.country);
        dimensions.put("affiliation", r -> r.person.affiliation);
        dimensions.put("campus", r -> ofSessions.get("campus").apply(r.session));
        dimensions.put("mode", r -> r.session.mode);
        dimensions.put("seatMode", r -> r.seatMode);
        dimensions.put("day", r -> ofSessions.get("day").apply(r.session));
        dimensions.put("track", r -> r.session.trackId);
        Set<String> personal = Set.of("audience", "country", "affiliation");
        dimensions.forEach((dimension, key) -> {
            Map<String, List<Registration>> groups = new TreeMap<>();
            if (ofSessions.containsKey(dimension)) {
                sessions.stream().filter(s -> !s.cancelled()).forEach(s -> groups.computeIfAbsent(
                        ofSessions.get(dimension).apply(s), k -> new ArrayList<>()));
            }
            regs.stream().filter(Registration::active).forEach(r -> groups.computeIfAbsent(key.apply(r),
                    k -> new ArrayList<>()).add(r));
            Map<String, String> rows = new TreeMap<>();
            List<Registration> other = new ArrayList<>();
            groups.forEach((group, members) -> {
                if (personal.contains(dimension) && people(members) < MIN_GROUP) {
                    other.addAll(members);
                } else {
                    rows.put(group, row(members));
                }
            });
            if (!other.isEmpty()) {
                rows.put("OTHER", row(other));
            }
            f.put("breakdown " + dimension, rows.toString());
        });
    }

    private static long people(List<Registration> members) {
        Set<Person> people = new HashSet<>();
        members.forEach(r -> people.add(r.person));
        return people.size();
    }

    private static String row(List<Registration> members) {
        long people = people(members);
        return people < MIN_GROUP ? "<" + MIN_GROUP
                : people + " people, " + members.stream().filter(Registration::confirmed).count() + " confirmed, "
                        + members.stream().filter(r -> r.confirmed() && r.checkedIn).count() + " checked in";
    }

    private static Map<String, Object> actualSession(JsonNode v) {
        Map<String, Object> f = figures(v);
        f.put("status", v.path("status").asText());
        f.put("mode", v.path("mode").asText());
        f.put("campus", v.path("campus").isNull() ? "null" : v.path("campus").asText());
        f.put("timeZone", v.path("timeZone").asText());
        f.put("start", instant(v.path("start")));
        f.put("end", instant(v.path("end")));
        f.put("capacity", v.path("capacity").path("inPerson").asInt() + "/" + v.path("capacity").path("online").asInt());
        f.put("title", v.path("title").path("en").asText() + " | " + v.path("title").path("zh").asText());
        breakdowns(v.path("breakdowns"), f);
        return f;
    }

    private static Map<String, Object> figures(JsonNode v) {
        Map<String, Object> f = new LinkedHashMap<>();
        for (String name : List.of("sessions", "capacity", "confirmed", "waitlisted", "cancelled", "checkedIn",
                "noShows", "waitlistLength")) {
            if (v.has(name) && v.path(name).isNumber()) {
                f.put(name, v.path(name).asLong());
            }
        }
        f.put("fillRate", v.path("fillRate").asDouble());
        f.put("attendanceRate", v.path("attendanceRate").asDouble());
        f.put("notificationsSent", counts(v.path("notificationsSent")));
        f.put("notificationsFailed", counts(v.path("notificationsFailed")));
        return f;
    }

    private static void breakdowns(JsonNode breakdowns, Map<String, Object> f) {
        breakdowns.fields().forEachRemaining(dimension -> {
            Map<String, String> rows = new TreeMap<>();
            for (JsonNode row : dimension.getValue()) {
                rows.put(row.path("group").asText(), row.path("participants").isNull() ? row.path("display").asText()
                        : row.path("participants").asLong() + " people, " + row.path("confirmed").asLong()
                                + " confirmed, " + row.path("checkedIn").asLong() + " checked in");
            }
            f.put("breakdown " + dimension.getKey(), rows.toString());
        });
    }

    private static String counts(JsonNode map) {
        Map<String, Long> counts = new TreeMap<>();
        map.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts.toString();
    }

    private static String instant(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? "null" : Instant.parse(n.asText()).toString();
    }

    /** The rounding of analytics' {@code Figures.ratio}: four decimals. */
    static double ratio(long part, long whole) {
        return whole <= 0 ? 0.0 : Math.round(10_000.0 * part / whole) / 10_000.0;
    }

    private static void compare(List<String> diffs, String scope, Map<String, Object> expected,
            Map<String, Object> actual) {
        Collection<String> names = new java.util.LinkedHashSet<>(expected.keySet());
        names.addAll(actual.keySet());
        for (String name : names) {
            Object e = expected.get(name);
            Object a = actual.get(name);
            boolean same = e instanceof Double d && a instanceof Double ad ? Math.abs(d - ad) < 1e-9
                    : java.util.Objects.equals(e, a);
            if (!same) {
                diffs.add(scope + " " + name + ": expected " + e + " but analytics says " + a);
            }
        }
    }
}
