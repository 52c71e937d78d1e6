package org.eduweek.analytics.domain;

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
 * Breakdowns of the live registrations of a set of sessions by audience, country, affiliation, campus and mode.
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

    public static Map<String, List<BreakdownRow>> of(Projection p, Set<String> sessionIds, int minGroupSize) {
        Map<String, Map<String, Group>> groups = new LinkedHashMap<>();
        DIMENSIONS.keySet().forEach(d -> groups.put(d, new TreeMap<>()));
        for (RegistrationState r : p.registrations.values()) {
            String status = r.status();
            if (!sessionIds.contains(r.sessionId()) || RegistrationState.CANCELLED.equals(status) || status == null) {
                continue;
            }
            SessionInfo session = p.sessions.get(r.sessionId());
            DIMENSIONS.forEach((dimension, value) -> {
                String key = value.apply(r, session);
                groups.get(dimension).computeIfAbsent(key == null ? UNKNOWN : key, k -> new Group()).add(r);
            });
        }
        Map<String, List<BreakdownRow>> result = new LinkedHashMap<>();
        groups.forEach((dimension, byKey) -> {
            List<BreakdownRow> rows = new ArrayList<>();
            Group small = new Group();
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
        return d;
    }

    private static final class Group {
        private final Set<String> participants = new HashSet<>();
        private long confirmed;
        private long checkedIn;

        void add(RegistrationState r) {
            participants.add(r.pseudonym() == null ? r.id() : r.pseudonym());
            if (RegistrationState.CONFIRMED.equals(r.status())) {
                confirmed++;
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
            checkedIn += other.checkedIn;
        }

        BreakdownRow row(String key, int minGroupSize) {
            long size = participants.size();
            if (size < minGroupSize) {
                return new BreakdownRow(key, null, null, null, "<" + minGroupSize);
            }
            return new BreakdownRow(key, size, confirmed, checkedIn, Long.toString(size));
        }
    }
}
