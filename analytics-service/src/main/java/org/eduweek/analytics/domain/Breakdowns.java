package org.eduweek.analytics.domain;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Breakdowns of the live registrations of a set of sessions by audience, country, affiliation, campus, mode, seat
 * mode, day (the session's start date in its own time zone) and track.
 * A group of fewer than {@code minGroupSize} people shows no figures. For the dimensions that describe people
 * (audience, country, affiliation) it does not show its name either: all such small groups are counted together
 * as {@value #OTHER}, since "one TEACHER from DE" in a session of one registrant names that person.
 */
public final class Breakdowns {

    public static final String UNKNOWN = "UNKNOWN";
    public static final String OTHER = "OTHER";
    private static final Set<String> PERSONAL = Set.of("audience", "country", "affiliation");

    private static final Map<String, BiFunction<RegistrationState, SessionInfo, String>> DIMENSIONS = dimensions();

    private Breakdowns() {
    }

    private static final Set<String> OF_SESSIONS = Set.of("campus", "mode", "day", "track");

    public static Map<String, List<BreakdownRow>> of(Projection p, Set<String> sessionIds, int minGroupSize) {
        return of(p, sessionIds, minGroupSize, null);
    }

    /** {@code now} decides no-shows (null: none counted). */
    public static Map<String, List<BreakdownRow>> of(Projection p, Set<String> sessionIds, int minGroupSize,
            Instant now) {
        Map<String, Map<String, Group>> groups = new LinkedHashMap<>();
        DIMENSIONS.keySet().forEach(d -> groups.put(d, new TreeMap<>()));
        for (String id : sessionIds) {
            SessionInfo session = p.sessions.get(id);
            if (session == null || session.cancelled()) {
                continue;
            }
            for (String dimension : OF_SESSIONS) {
                String key = DIMENSIONS.get(dimension).apply(null, session);
                groups.get(dimension).computeIfAbsent(key == null ? UNKNOWN : key, k -> new Group(true))
                        .capacity += session.capacity();
            }
        }
        for (RegistrationState r : p.registrations.values()) {
            String status = r.status();
            if (!sessionIds.contains(r.sessionId()) || RegistrationState.CANCELLED.equals(status) || status == null) {
                continue;
            }
            SessionInfo session = p.sessions.get(r.sessionId());
            DIMENSIONS.forEach((dimension, value) -> {
                String key = value.apply(r, session);
                groups.get(dimension).computeIfAbsent(key == null ? UNKNOWN : key,
                        k -> new Group(OF_SESSIONS.contains(dimension))).add(r, ended(session, now));
            });
        }
        Map<String, List<BreakdownRow>> result = new LinkedHashMap<>();
        groups.forEach((dimension, byKey) -> {
            List<BreakdownRow> rows = new ArrayList<>();
            Group small = new Group(false);
            byKey.forEach((key, g) -> {
                if (PERSONAL.contains(dimension) && g.size() < minGroupSize) {
                    small.addAll(g);
                } else {
                    rows.add(g.row(key, minGroupSize));
                }
            });
            if (small.size() > 0) {
                rows.add(small.row(OTHER, minGroupSize));
            }
            rows.sort(Comparator.comparing((BreakdownRow row) -> row.participants() == null ? -1 : row.participants())
                    .reversed().thenComparing(BreakdownRow::group));
            result.put(dimension, rows);
        });
        return result;
    }

    private static Map<String, BiFunction<RegistrationState, SessionInfo, String>> dimensions() {
        Map<String, BiFunction<RegistrationState, SessionInfo, String>> d = new LinkedHashMap<>();
        d.put("audience", (r, s) -> r.audience());
        d.put("country", (r, s) -> r.country());
        d.put("affiliation", (r, s) -> r.affiliation());
        d.put("campus", (r, s) -> s == null ? null : s.campus() != null ? s.campus()
                : "ONLINE".equals(s.mode()) ? "ONLINE" : null);
        d.put("mode", (r, s) -> s == null ? null : s.mode());
        d.put("seatMode", (r, s) -> r.seatMode());
        d.put("day", (r, s) -> s == null || s.start() == null ? null
                : s.start().atZone(zone(s.timeZone())).toLocalDate().toString());
        d.put("track", (r, s) -> s == null ? null : s.trackId());
        return d;
    }

    private static boolean ended(SessionInfo s, Instant now) {
        return now != null && s != null && s.end() != null && !s.cancelled() && !now.isBefore(s.end());
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? ZoneOffset.UTC : ZoneId.of(id);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static final class Group {
        private final Set<String> participants = new HashSet<>();
        private final boolean ofSessions;
        private long confirmed;
        private long waitlisted;
        private long checkedIn;
        private long noShows;
        private long capacity;

        Group(boolean ofSessions) {
            this.ofSessions = ofSessions;
        }

        void add(RegistrationState r, boolean sessionEnded) {
            participants.add(r.pseudonym() == null ? r.id() : r.pseudonym());
            if (RegistrationState.CONFIRMED.equals(r.status())) {
                confirmed++;
                if (sessionEnded && !r.checkedIn()) {
                    noShows++;
                }
            } else if (RegistrationState.WAITLISTED.equals(r.status())) {
                waitlisted++;
            }
            if (r.checkedIn()) {
                checkedIn++;
            }
        }

        long size() {
            return participants.size();
        }

        void addAll(Group other) {
            participants.addAll(other.participants);
            confirmed += other.confirmed;
            waitlisted += other.waitlisted;
            checkedIn += other.checkedIn;
            noShows += other.noShows;
        }

        BreakdownRow row(String key, int minGroupSize) {
            long size = participants.size();
            if (size < minGroupSize) {
                return new BreakdownRow(key, null, null, null, "<" + minGroupSize);
            }
            return new BreakdownRow(key, size, confirmed, checkedIn, Long.toString(size), waitlisted, noShows,
                    ofSessions ? capacity : null, ofSessions ? Figures.ratio(confirmed, capacity) : null);
        }
    }
}
