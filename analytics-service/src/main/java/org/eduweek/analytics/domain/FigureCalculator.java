package org.eduweek.analytics.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.eduweek.analytics.events.Capacity;
import org.eduweek.analytics.events.Demand;
import org.eduweek.analytics.events.EditionSummary;
import org.eduweek.analytics.events.SessionStats;

/** Reads figures out of a {@link Projection}; callers hold the store's lock. {@code now} decides no-shows. */
public final class FigureCalculator {

    private final Projection p;
    private final Instant now;

    public FigureCalculator(Projection projection, Instant now) {
        this.p = projection;
        this.now = now;
    }

    public Set<String> sessionIds(Scope scope, String id) {
        return switch (scope) {
            case SESSION -> p.knowsSession(id) ? Set.of(id) : Set.of();
            case EDITION -> EditionSummary.UNASSIGNED.equals(id) ? unassignedSessions()
                    : p.editionOfSession.entrySet().stream().filter(e -> id.equals(e.getValue()))
                            .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
            case ACTIVITY -> p.sessions.values().stream().filter(s -> id.equals(s.activityId()))
                    .map(SessionInfo::id).collect(Collectors.toCollection(TreeSet::new));
            case TRACK -> p.sessions.values().stream().filter(s -> id.equals(s.trackId()))
                    .map(SessionInfo::id).collect(Collectors.toCollection(TreeSet::new));
        };
    }

    public Set<String> editions() {
        Set<String> editions = new TreeSet<>(p.editionOfSession.values());
        editions.addAll(p.deliveriesByEdition.keySet());
        if (!unassignedSessions().isEmpty()) {
            editions.add(EditionSummary.UNASSIGNED);
        }
        return editions;
    }

    /** Sessions known to analytics that belong to no edition (summed as the edition {@code unassigned}). */
    public Set<String> unassignedSessions() {
        Set<String> ids = new TreeSet<>();
        p.counters.keySet().stream().filter(id -> p.editionOf(id) == null).forEach(ids::add);
        p.sessions.keySet().stream().filter(id -> p.editionOf(id) == null).forEach(ids::add);
        return ids;
    }

    public Set<String> ids(Scope scope) {
        return switch (scope) {
            case SESSION -> new TreeSet<>(p.counters.keySet());
            case EDITION -> editions();
            case ACTIVITY -> p.sessions.values().stream().map(SessionInfo::activityId)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
            case TRACK -> p.sessions.values().stream().map(SessionInfo::trackId)
                    .filter(java.util.Objects::nonNull).collect(Collectors.toCollection(TreeSet::new));
        };
    }

    /** Null when nothing is known about the scope. */
    public Figures figures(Scope scope, String id) {
        Set<String> ids = sessionIds(scope, id);
        if (ids.isEmpty() && !(scope == Scope.EDITION && p.deliveriesByEdition.containsKey(id))) {
            return null;
        }
        long sessions = 0, capacity = 0, confirmed = 0, waitlisted = 0, cancelled = 0, checkedIn = 0, noShows = 0;
        Instant updated = null;
        Map<String, Long> sent = new TreeMap<>();
        Map<String, Long> failed = new TreeMap<>();
        for (String sessionId : ids) {
            SessionCounters c = p.counters.getOrDefault(sessionId, new SessionCounters());
            SessionInfo info = p.sessions.get(sessionId);
            if (info == null || !info.cancelled()) {
                sessions++;
                capacity += info == null ? 0 : info.capacity();
            }
            confirmed += c.confirmed;
            waitlisted += c.waitlisted;
            cancelled += c.cancelled;
            checkedIn += c.checkedIn;
            noShows += noShows(info, c);
            updated = later(updated, c.lastEventAt);
            if (scope != Scope.EDITION && p.deliveriesBySession.containsKey(sessionId)) {
                p.deliveriesBySession.get(sessionId).addTo(sent, failed);
            }
        }
        if (scope == Scope.EDITION && p.deliveriesByEdition.containsKey(id)) {
            DeliveryCounters d = p.deliveriesByEdition.get(id);
            d.addTo(sent, failed);
            updated = later(updated, d.lastEventAt);
        }
        String edition = scope == Scope.EDITION ? id
                : ids.stream().map(p::editionOf).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        return new Figures(scope, id, edition, sessions, capacity, confirmed, waitlisted, cancelled, checkedIn,
                noShows, Figures.ratio(confirmed, capacity), waitlisted, Figures.ratio(checkedIn, confirmed), sent,
                failed, updated);
    }

    public SessionStats sessionStats(String sessionId) {
        Figures f = figures(Scope.SESSION, sessionId);
        if (f == null) {
            return null;
        }
        SessionInfo info = p.sessions.get(sessionId);
        Capacity capacity = info == null ? new Capacity(0, 0)
                : new Capacity(info.capacityInPerson(), info.capacityOnline());
        long seats = capacity.inPerson() + capacity.online();
        return new SessionStats(sessionId, f.editionId(), info == null ? null : info.activityId(),
                info == null ? null : info.trackId(), titles(info), info == null ? null : info.start(),
                info == null ? null : info.end(), info == null ? null : info.timeZone(),
                info == null ? null : info.mode(), info == null ? null : info.campus(),
                info == null ? null : info.status(), capacity, f.confirmed(), f.waitlisted(), f.cancelled(),
                f.checkedIn(), f.noShows(), Figures.ratio(f.confirmed(), seats), f.waitlistLength(),
                f.attendanceRate(), demand(sessionId), f.updatedAt());
    }

    /** The demand signal of one session (see {@link Demand}). */
    public Demand demand(String sessionId) {
        SessionInfo info = p.sessions.get(sessionId);
        SessionCounters c = p.counters.getOrDefault(sessionId, new SessionCounters());
        return Demand.of(c.waitlisted, info == null ? 0 : info.capacity(), info != null && info.cancelled());
    }

    /** The session's title per language ({@code en}, {@code zh}), as far as the schedule gave them. */
    public static Map<String, String> titles(SessionInfo info) {
        Map<String, String> title = new java.util.LinkedHashMap<>();
        if (info != null && info.titleEn() != null) {
            title.put("en", info.titleEn());
        }
        if (info != null && info.titleZh() != null) {
            title.put("zh", info.titleZh());
        }
        return title;
    }

    public EditionSummary editionSummary(String editionId) {
        Figures f = figures(Scope.EDITION, editionId);
        if (f == null && EditionSummary.UNASSIGNED.equals(editionId)) {
            // the last session without an edition got one: an empty summary replaces the stale one
            return new EditionSummary(editionId, 0, 0, 0, 0, 0, 0, 0.0, 0.0, Map.of(), Map.of(), 0, null);
        }
        if (f == null) {
            return null;
        }
        long needingMoreRoom = sessionIds(Scope.EDITION, editionId).stream()
                .filter(id -> demand(id).needsMoreRoom()).count();
        return new EditionSummary(editionId, f.sessions(), f.confirmed(), f.waitlisted(), f.cancelled(),
                f.checkedIn(), f.noShows(), f.fillRate(), f.attendanceRate(), f.notificationsSent(),
                f.notificationsFailed(), needingMoreRoom, f.updatedAt());
    }

    /** Sessions by demand (confirmed + waitlisted), then by fill rate; optionally within one edition. */
    public List<Figures> topSessions(String editionId, int limit) {
        Set<String> ids = editionId == null ? p.counters.keySet() : sessionIds(Scope.EDITION, editionId);
        return ids.stream().map(id -> figures(Scope.SESSION, id))
                .sorted(Comparator.comparingLong(Figures::demand).thenComparingDouble(Figures::fillRate).reversed()
                        .thenComparing(Figures::id))
                .limit(limit).toList();
    }

    public Map<String, List<BreakdownRow>> breakdowns(Set<String> sessionIds, int minGroupSize) {
        return Breakdowns.of(p, sessionIds, minGroupSize, now);
    }

    public List<TimeSeries.Bucket> timeSeries(Set<String> sessionIds, TimeSeries.Interval interval,
            java.time.ZoneId zone) {
        return TimeSeries.of(p, sessionIds, interval, zone);
    }

    public java.time.ZoneId zoneOf(Set<String> sessionIds) {
        return TimeSeries.zoneOf(p, sessionIds);
    }

    public SessionInfo session(String sessionId) {
        return p.sessions.get(sessionId);
    }

    private long noShows(SessionInfo info, SessionCounters c) {
        if (info == null || info.end() == null || info.cancelled() || now.isBefore(info.end())) {
            return 0;
        }
        return Math.max(0, c.confirmed - c.checkedIn);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }
}
