package org.eduweek.schedule.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.SessionStore;
import org.springframework.stereotype.Service;

/**
 * Publishes an edition's draft programme as a numbered release. Each session that differs from what is public is
 * written with its one event in its own document (atomic per session); the release record that lists them is
 * written last. A crash in between leaves every event correct but that release missing from the changelog; the
 * sessions it did not reach are still pending and go out with the next release.
 */
@Service
public class ReleaseService {

    private final SessionStore store;
    private final Repositories.Editions editions;
    private final Repositories.Releases releases;
    private final Clock clock;

    public ReleaseService(SessionStore store, Repositories.Editions editions, Repositories.Releases releases,
            Clock clock) {
        this.store = store;
        this.editions = editions;
        this.releases = releases;
        this.clock = clock;
    }

    /** What the next release would announce, without writing anything. */
    public List<Release.Entry> pending(String editionId) {
        requireEdition(editionId);
        Instant now = clock.instant();
        List<Release.Entry> entries = new ArrayList<>();
        for (Session s : changed(editionId)) {
            s.publish(now).event().ifPresent(e -> entries.add(entry(e)));
        }
        return entries;
    }

    /** Serialized per process: two organizers pressing "publish" at once must not both number release n+1. */
    public synchronized Release publish(String editionId, String note, String by) {
        requireEdition(editionId);
        int number = releases.findFirstByEditionIdOrderByNumberDesc(editionId).map(Release::number).orElse(0) + 1;
        Instant now = clock.instant();
        List<Release.Entry> entries = new ArrayList<>();
        for (Session s : changed(editionId)) {
            Session.Publication p = s.publish(now);
            if (p.event().isPresent()) {
                store.update(p.session(), p.event());
                entries.add(entry(p.event().get()));
            }
        }
        return releases.insert(new Release(editionId + "-r" + number, editionId, number, note, by, now, entries));
    }

    public List<Release> list(String editionId) {
        requireEdition(editionId);
        return releases.findByEditionIdOrderByNumber(editionId);
    }

    /** One session's story between two releases: every event it had and the union of what changed. */
    public record SessionLog(String sessionId, String title, List<String> eventTypes, Set<Change> changes,
            long sequence) {
    }

    public record Changelog(String editionId, int from, int to, List<Release> releases, List<SessionLog> sessions) {
    }

    /** The releases after {@code from} up to and including {@code to} (0 = before the first release). */
    public Changelog changelog(String editionId, Integer from, Integer to) {
        List<Release> all = list(editionId);
        int last = all.isEmpty() ? 0 : all.get(all.size() - 1).number();
        int f = from == null ? 0 : from;
        int t = to == null ? last : to;
        if (f < 0 || f > last) {
            throw ScheduleRuleException.invalidField("from", "must be between 0 and the last release " + last);
        }
        if (t < f || t > last) {
            throw new ScheduleRuleException(ScheduleRuleException.Kind.INVALID_INPUT,
                    "to must be between from and the last release " + last,
                    List.of(new FieldProblem("to", "must be between from (" + f + ") and " + last)));
        }
        List<Release> between = all.stream().filter(r -> r.number() > f && r.number() <= t).toList();
        Map<String, SessionLog> logs = new LinkedHashMap<>();
        for (Release r : between) {
            for (Release.Entry e : r.entries()) {
                SessionLog prev = logs.get(e.sessionId());
                List<String> types = new ArrayList<>(prev == null ? List.of() : prev.eventTypes());
                types.add(e.eventType());
                Set<Change> changes = new LinkedHashSet<>(prev == null ? Set.of() : prev.changes());
                changes.addAll(e.changes());
                logs.put(e.sessionId(), new SessionLog(e.sessionId(), e.title(), types, changes, e.sequence()));
            }
        }
        return new Changelog(editionId, f, t, between, List.copyOf(logs.values()));
    }

    private List<Session> changed(String editionId) {
        return store.inEdition(editionId).stream()
                .filter(Session::hasUnpublishedChanges)
                .sorted(Comparator.comparing((Session s) -> s.draft().start()).thenComparing(Session::id))
                .toList();
    }

    private static Release.Entry entry(SessionEvent e) {
        return new Release.Entry(e.session().id(), e.kind().eventType(), e.session().sequence(), e.changes(),
                e.session().draft().title().in("en"));
    }

    private void requireEdition(String editionId) {
        if (!editions.existsById(editionId)) {
            throw new NotFoundException("Edition", editionId);
        }
    }
}
