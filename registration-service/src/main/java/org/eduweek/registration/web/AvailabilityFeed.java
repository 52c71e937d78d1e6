package org.eduweek.registration.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import org.eduweek.registration.web.SeatAvailability.Availability;

/**
 * Server-Sent Events with a session's seats while a page shows them: an {@code availability} event at once and
 * again whenever the seats change, a comment every 15 s so that proxies keep an idle stream open. Changes are
 * found by reading the seats of each watched session once per poll interval, so a registration taken by any
 * instance of the service shows on every stream, whichever instance holds it. A stream ends after 30 minutes;
 * the browser's EventSource reconnects by itself.
 */
@Component
public class AvailabilityFeed {

    static final String EVENT = "availability";
    private static final Logger log = LoggerFactory.getLogger(AvailabilityFeed.class);
    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final SeatAvailability availability;
    /** Open streams by session id, each with the version of the seats it was sent last. */
    private final Map<String, Set<Subscriber>> watched = new ConcurrentHashMap<>();

    private static final class Subscriber {
        final SseEmitter emitter;
        volatile String lastVersion;

        Subscriber(SseEmitter emitter) {
            this.emitter = emitter;
        }
    }

    public AvailabilityFeed(SeatAvailability availability) {
        this.availability = availability;
    }

    /** A stream of {@code first} and of every later change; the caller has checked that it may see the session. */
    public SseEmitter subscribe(Availability first) {
        String sessionId = first.sessionId();
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber subscriber = new Subscriber(emitter);
        Runnable remove = () -> watched.computeIfPresent(sessionId, (id, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        watched.computeIfAbsent(sessionId, id -> ConcurrentHashMap.newKeySet()).add(subscriber);
        try {
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3_000));
        } catch (IOException e) {
            remove.run();
            emitter.completeWithError(e);
            return emitter;
        }
        deliver(subscriber, first);
        return emitter;
    }

    /** Reads the seats of every watched session and sends those that changed. */
    @Scheduled(fixedDelayString = "${eduweek.registration.availability-poll:1s}")
    public void poll() {
        watched.forEach((sessionId, subscribers) -> {
            Optional<Availability> now;
            try {
                now = availability.of(sessionId, true);
            } catch (RuntimeException e) {
                log.warn("Cannot read the seats of session {} for its streams: {}", sessionId, e.toString());
                return;
            }
            now.ifPresent(a -> subscribers.forEach(s -> deliver(s, a)));
        });
    }

    @Scheduled(fixedRate = 15_000)
    public void keepAlive() {
        watched.values().forEach(subscribers -> subscribers.forEach(s -> {
            try {
                s.emitter.send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        }));
    }

    /** How many streams are open (for tests and metrics). */
    public int streams() {
        return watched.values().stream().mapToInt(Set::size).sum();
    }

    private void deliver(Subscriber s, Availability a) {
        String version = a.version();
        if (version.equals(s.lastVersion)) {
            return;
        }
        synchronized (s) {
            if (version.equals(s.lastVersion)) {
                return;
            }
            try {
                s.emitter.send(SseEmitter.event().name(EVENT).id(version).data(a, MediaType.APPLICATION_JSON));
                s.lastVersion = version;
            } catch (IOException | IllegalStateException e) {
                watched.computeIfPresent(a.sessionId(), (id, set) -> {
                    set.remove(s);
                    return set.isEmpty() ? null : set;
                });
                s.emitter.completeWithError(e);
            }
        }
    }
}
