package org.eduweek.analytics.domain;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The in-memory figures, derived from the stored facts (registration states, session infos, notification
 * outcomes). Not thread-safe: {@link org.eduweek.analytics.store.AnalyticsStore} serializes access. Counters are
 * moved by the difference between a registration's old and new derived state, so they always equal a recount of the
 * facts.
 */
public class Projection {

    private static final String UNASSIGNED = org.eduweek.analytics.events.EditionSummary.UNASSIGNED;

    final Map<String, RegistrationState> registrations = new HashMap<>();
    final Map<String, SessionInfo> sessions = new HashMap<>();
    final Map<String, NotificationOutcome> notifications = new HashMap<>();
    final Map<String, SessionCounters> counters = new HashMap<>();
    final Map<String, String> editionOfSession = new HashMap<>();
    final Map<String, DeliveryCounters> deliveriesBySession = new HashMap<>();
    final Map<String, DeliveryCounters> deliveriesByEdition = new HashMap<>();
    private final Set<String> dirtySessions = new LinkedHashSet<>();
    private final Set<String> dirtyEditions = new LinkedHashSet<>();

    /** The state after merging {@code fact}, or null when the fact changes nothing (a redelivery). */
    public RegistrationState next(RegistrationFact fact) {
        return next(fact, Map.of());
    }

    /** As {@link #next(RegistrationFact)}, on top of states computed earlier in the same batch but not committed. */
    public RegistrationState next(RegistrationFact fact, Map<String, RegistrationState> pending) {
        RegistrationState current = pending.containsKey(fact.registrationId()) ? pending.get(fact.registrationId())
                : registrations.get(fact.registrationId());
        RegistrationState merged = (current == null ? RegistrationState.empty(fact.registrationId()) : current)
                .merge(fact);
        return merged.equals(current) ? null : merged;
    }

    public void commit(RegistrationState next) {
        RegistrationState previous = registrations.put(next.id(), next);
        if (previous != null && previous.sessionId() != null) {
            counters(previous.sessionId()).add(previous, -1);
        }
        if (next.sessionId() == null) {
            return;
        }
        SessionCounters c = counters(next.sessionId());
        c.add(next, 1);
        c.touch(next.attributesAt());
        if (next.editionId() != null && !sessions.containsKey(next.sessionId())) {
            assignEdition(next.sessionId(), next.editionId());
        }
        markDirty(next.sessionId());
    }

    public boolean accepts(SessionInfo info) {
        return info.supersedes(sessions.get(info.id()));
    }

    public void commit(SessionInfo info) {
        SessionInfo previous = sessions.put(info.id(), info);
        if (previous != null && previous.editionId() != null && !previous.editionId().equals(info.editionId())) {
            dirtyEditions.add(previous.editionId());
        }
        if (info.editionId() != null) {
            assignEdition(info.id(), info.editionId());
        } else {
            String assigned = editionOfSession.remove(info.id());
            if (assigned != null) {
                dirtyEditions.add(assigned);
            }
        }
        counters(info.id()).touch(info.occurredAt());
        markDirty(info.id());
    }

    public boolean accepts(NotificationOutcome outcome) {
        return outcome.supersedes(notifications.get(outcome.id()));
    }

    public void commit(NotificationOutcome outcome) {
        NotificationOutcome previous = notifications.put(outcome.id(), outcome);
        if (previous != null) {
            deliveries(previous, -1);
        }
        deliveries(outcome, 1);
        if (outcome.sessionId() != null) {
            markDirty(outcome.sessionId());
        } else if (outcome.editionId() != null) {
            dirtyEditions.add(outcome.editionId());
        }
    }

    /** Marks sessions whose end fell in (from, to]: their no-shows appear without any event. */
    public void sessionsEndedBetween(Instant from, Instant to) {
        sessions.values().stream()
                .filter(s -> s.end() != null && s.end().isAfter(from) && !s.end().isAfter(to))
                .forEach(s -> markDirty(s.id()));
    }

    public void markAllDirty() {
        counters.keySet().forEach(this::markDirty);
        deliveriesByEdition.keySet().forEach(dirtyEditions::add);
    }

    /** Puts back what a failed publish could not deliver, so the next flush tries again. */
    public void markDirty(Dirty dirty) {
        dirty.sessions().forEach(this::markDirty);
        dirtyEditions.addAll(dirty.editions());
    }

    public Dirty drainDirty() {
        Dirty dirty = new Dirty(Set.copyOf(dirtySessions), Set.copyOf(dirtyEditions));
        dirtySessions.clear();
        dirtyEditions.clear();
        return dirty;
    }

    public void clear() {
        registrations.clear();
        sessions.clear();
        notifications.clear();
        counters.clear();
        editionOfSession.clear();
        deliveriesBySession.clear();
        deliveriesByEdition.clear();
        dirtySessions.clear();
        dirtyEditions.clear();
    }

    public String editionOf(String sessionId) {
        return editionOfSession.get(sessionId);
    }

    public boolean knowsSession(String sessionId) {
        return counters.containsKey(sessionId) || sessions.containsKey(sessionId);
    }

    private void deliveries(NotificationOutcome n, int sign) {
        if (n.sessionId() != null) {
            deliveriesBySession.computeIfAbsent(n.sessionId(), k -> new DeliveryCounters()).add(n, sign);
            counters(n.sessionId()).touch(n.at());
            if (n.editionId() != null && !sessions.containsKey(n.sessionId())
                    && !editionOfSession.containsKey(n.sessionId())) {
                assignEdition(n.sessionId(), n.editionId());
            }
        }
        if (n.editionId() != null) {
            deliveriesByEdition.computeIfAbsent(n.editionId(), k -> new DeliveryCounters()).add(n, sign);
        }
    }

    private SessionCounters counters(String sessionId) {
        return counters.computeIfAbsent(sessionId, k -> new SessionCounters());
    }

    private void markDirty(String sessionId) {
        dirtySessions.add(sessionId);
        String edition = editionOfSession.get(sessionId);
        dirtyEditions.add(edition != null ? edition : UNASSIGNED);
    }

    /** A session that leaves the unassigned ones changes that summary too. */
    private void assignEdition(String sessionId, String editionId) {
        String previous = editionOfSession.put(sessionId, editionId);
        if (previous == null && knowsSession(sessionId)) {
            dirtyEditions.add(UNASSIGNED);
        } else if (previous != null && !previous.equals(editionId)) {
            dirtyEditions.add(previous);
        }
    }

    public record Dirty(Set<String> sessions, Set<String> editions) {
    }
}
