package org.eduweek.analytics.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eduweek.analytics.events.EditionSummary;
import org.eduweek.analytics.events.SessionStats;
import org.eduweek.analytics.messaging.FiguresFlushed;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events for live dashboards: after every flush each subscriber gets the changed records
 * ({@code session-stats}, {@code edition-summary}, the same JSON as on the topics). A comment every 15 s keeps
 * proxies (the gateway, nginx) from closing an idle stream; the browser's EventSource reconnects after the timeout.
 */
@Component
public class LiveFeed {

    static final String SESSION_STATS = "session-stats";
    static final String EDITION_SUMMARY = "edition-summary";
    private static final long TIMEOUT_MS = Duration.ofMinutes(30).toMillis();

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    private record Subscriber(SseEmitter emitter, String editionId) {
        boolean wants(String edition) {
            return editionId == null || editionId.equals(edition == null ? EditionSummary.UNASSIGNED : edition);
        }
    }

    public SseEmitter subscribe(String editionId, List<SessionStats> sessions, List<EditionSummary> editions) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Subscriber subscriber = new Subscriber(emitter, editionId);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        subscribers.add(subscriber);
        try {
            // commits the response headers at once, even when there is nothing to show yet
            emitter.send(SseEmitter.event().comment("connected").reconnectTime(3_000));
        } catch (IOException e) {
            subscribers.remove(subscriber);
            emitter.completeWithError(e);
            return emitter;
        }
        deliver(subscriber, new FiguresFlushed(sessions, editions));
        return emitter;
    }

    @EventListener
    public void onFlush(FiguresFlushed flushed) {
        subscribers.forEach(s -> deliver(s, flushed));
    }

    @Scheduled(fixedRate = 15_000)
    public void keepAlive() {
        subscribers.forEach(s -> {
            try {
                s.emitter().send(SseEmitter.event().comment("keep-alive"));
            } catch (IOException | IllegalStateException e) {
                subscribers.remove(s);
            }
        });
    }

    public int subscribers() {
        return subscribers.size();
    }

    private void deliver(Subscriber s, FiguresFlushed flushed) {
        try {
            for (EditionSummary e : flushed.editions()) {
                if (s.wants(e.editionId())) {
                    s.emitter().send(SseEmitter.event().name(EDITION_SUMMARY).id(e.editionId()).data(e));
                }
            }
            for (SessionStats st : flushed.sessions()) {
                if (s.wants(st.editionId())) {
                    s.emitter().send(SseEmitter.event().name(SESSION_STATS).id(st.sessionId()).data(st));
                }
            }
        } catch (IOException | IllegalStateException e) {
            subscribers.remove(s);
            s.emitter().completeWithError(e);
        }
    }
}
