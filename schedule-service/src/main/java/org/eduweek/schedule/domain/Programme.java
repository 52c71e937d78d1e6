package org.eduweek.schedule.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.eduweek.schedule.store.Repositories;
import org.eduweek.schedule.store.SessionStore;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The public programme as an in-memory read model: every published session (without its draft and outbox),
 * sorted by start, with its local day and search text computed once. Listing a 1,000-session edition is then a
 * filter over a list instead of a scan of the embedded store (which has no real secondary indexes). Writes in this
 * process invalidate it at once (the store's generation); writes by another replica are picked up by a background
 * reload once {@code eduweek.schedule.read-model-ttl} (default 5 s) has passed, readers never wait for it.
 */
@Component
public class Programme {

    public record Entry(Session session, SessionData data, ZoneId displayZone, LocalDate day, String searchable) {
    }

    /** @param stamp identity of the content: kept across reloads that found nothing new */
    private record Snapshot(long generation, long editionGeneration, Instant loadedAt, Map<String, Edition> editions,
            List<Entry> entries, long fingerprint, Object stamp) {
    }

    private static final Logger log = LoggerFactory.getLogger(Programme.class);
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final Executor refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "programme-refresh");
        t.setDaemon(true);
        return t;
    });

    private final SessionStore store;
    private final Repositories.Editions editions;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicLong editionGeneration = new AtomicLong();
    private volatile Snapshot snapshot;

    public Programme(SessionStore store, Repositories.Editions editions, Clock clock,
            @Value("${eduweek.schedule.read-model-ttl:5s}") Duration ttl) {
        this.store = store;
        this.editions = editions;
        this.clock = clock;
        this.ttl = ttl;
    }

    public List<Entry> search(ProgrammeFilter filter) {
        return current().entries().stream().filter(filter::matches).toList();
    }

    /** The entries matching {@code filter}, with an identity of the snapshot they come from (for answer caches). */
    public Result query(ProgrammeFilter filter) {
        Snapshot s = current();
        return new Result(s.stamp(), s.entries().stream().filter(filter::matches).toList());
    }

    /** @param snapshot changes identity whenever the programme is reloaded */
    public record Result(Object snapshot, List<Entry> entries) {
    }

    public Edition edition(String id) {
        return id == null ? null : current().editions().get(id);
    }

    /** The zone times are shown in: the edition's, else the session's own. */
    public ZoneId displayZone(String editionId, String sessionZone) {
        Edition e = edition(editionId);
        return e != null ? e.zone() : ZoneId.of(sessionZone);
    }

    public void editionsChanged() {
        editionGeneration.incrementAndGet();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s != null && s.generation() == store.generation()
                && s.editionGeneration() == editionGeneration.get()) {
            if (!s.loadedAt().plus(ttl).isAfter(clock.instant())) {
                refreshInBackground();
            }
            return s;
        }
        // a write in this process: reload now, so its author reads what they wrote
        synchronized (this) {
            s = snapshot;
            if (s == null || s.generation() != store.generation()
                    || s.editionGeneration() != editionGeneration.get()) {
                s = load(s);
                snapshot = s;
            }
            return s;
        }
    }

    /** Another replica's writes show up within the TTL without making a reader wait for the reload. */
    private void refreshInBackground() {
        if (refreshing.compareAndSet(false, true)) {
            refresher.execute(() -> {
                try {
                    synchronized (this) {
                        snapshot = load(snapshot);
                    }
                } catch (RuntimeException e) {
                    log.warn("Reloading the programme failed; serving the previous one: {}", e.toString());
                } finally {
                    refreshing.set(false);
                }
            });
        }
    }

    private Snapshot load(Snapshot previous) {
        long generation = store.generation();
        long editionGen = editionGeneration.get();
        Instant at = clock.instant();
        Map<String, Edition> byId = editions.findAll().stream()
                .collect(Collectors.toMap(Edition::id, Function.identity()));
        List<Session> found = store.published();
        long fingerprint = byId.hashCode();
        for (Session s : found) {
            fingerprint = fingerprint * 31 + s.id().hashCode() * 17L + s.version();
        }
        if (previous != null && previous.fingerprint() == fingerprint && previous.entries().size() == found.size()) {
            // unchanged: keep the stamp so cached answers stay valid
            return new Snapshot(generation, editionGen, at, previous.editions(), previous.entries(), fingerprint,
                    previous.stamp());
        }
        List<Entry> entries = found.stream()
                .map(s -> entry(s, byId))
                .sorted(Comparator.comparing((Entry e) -> e.data().start()).thenComparing(e -> e.session().id()))
                .toList();
        return new Snapshot(generation, editionGen, at, Map.copyOf(byId), entries, fingerprint, new Object());
    }

    private static Entry entry(Session s, Map<String, Edition> editions) {
        SessionData d = s.published();
        Edition e = s.editionId() == null ? null : editions.get(s.editionId());
        ZoneId zone = e != null ? e.zone() : ZoneId.of(d.timeZone());
        String text = d.title().searchable() + " " + d.description().searchable() + " "
                + (d.venue() == null ? "" : d.venue().label().toLowerCase(Locale.ROOT)) + " "
                + (d.level() == null ? "" : d.level().toLowerCase(Locale.ROOT));
        return new Entry(s, d, zone, d.start().atZone(zone).toLocalDate(), text);
    }
}
