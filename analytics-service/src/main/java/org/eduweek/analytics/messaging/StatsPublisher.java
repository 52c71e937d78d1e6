package org.eduweek.analytics.messaging;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eduweek.analytics.domain.EmittedRecord;
import org.eduweek.analytics.domain.FigureCalculator;
import org.eduweek.analytics.domain.Projection;
import org.eduweek.analytics.events.EditionSummary;
import org.eduweek.analytics.events.SessionStats;
import org.eduweek.analytics.store.AnalyticsStore;
import org.eduweek.platform.messaging.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Coalesces bursts: events only mark sessions and editions dirty; every flush interval (100 ms by default) the
 * dirty ones are recomputed once and published, keyed by id, to the compacted topics and the live stream. A burst of
 * 1,000 registrations for one session thus costs one record, and the lag stays near one interval. A record whose
 * content (everything but {@code updatedAt}) equals what was last published for its key is not published again, on
 * the topics nor on the live stream; what was published is remembered in the store, so a restart does not repeat it.
 */
@Component
public class StatsPublisher {

    private static final Logger log = LoggerFactory.getLogger(StatsPublisher.class);

    private final AnalyticsStore store;
    private final KafkaTemplate<String, String> kafka;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private Instant lastFlush;

    public StatsPublisher(AnalyticsStore store, KafkaTemplate<String, String> kafka, JsonMapper json, Clock clock,
            ApplicationEventPublisher events) {
        this.store = store;
        this.kafka = kafka;
        this.json = json;
        this.clock = clock;
        this.events = events;
        this.lastFlush = clock.instant();
    }

    @Scheduled(fixedDelayString = "${eduweek.analytics.flush-interval:100ms}")
    public void flush() {
        Instant now = clock.instant();
        Instant since = lastFlush;
        lastFlush = now;
        record Batch(Projection.Dirty dirty, List<SessionStats> sessions, List<EditionSummary> editions) {
        }
        Batch batch = store.withProjection(p -> {
            p.sessionsEndedBetween(since, now);
            Projection.Dirty dirty = p.drainDirty();
            FigureCalculator figures = new FigureCalculator(p, now);
            return new Batch(dirty,
                    dirty.sessions().stream().map(figures::sessionStats).filter(Objects::nonNull).toList(),
                    dirty.editions().stream().map(figures::editionSummary).filter(Objects::nonNull).toList());
        });
        List<EmittedRecord> emitting = new ArrayList<>();
        List<SessionStats> sessions = batch.sessions().stream()
                .filter(s -> changed(SessionStats.TOPIC, s.sessionId(), s.withoutTimestamp(), emitting)).toList();
        List<EditionSummary> editions = batch.editions().stream()
                .filter(e -> !(EditionSummary.UNASSIGNED.equals(e.editionId()) && e.sessions() == 0
                        && !store.emittedEver(EditionSummary.TOPIC + "/" + e.editionId())))
                .filter(e -> changed(EditionSummary.TOPIC, e.editionId(), e.withoutTimestamp(), emitting)).toList();
        if (sessions.isEmpty() && editions.isEmpty()) {
            return;
        }
        try {
            List<CompletableFuture<?>> sends = new ArrayList<>();
            sessions.forEach(s -> sends.add(send(SessionStats.TOPIC, s.sessionId(), SessionStats.EVENT_TYPE, s)));
            editions.forEach(
                    e -> sends.add(send(EditionSummary.TOPIC, e.editionId(), EditionSummary.EVENT_TYPE, e)));
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            log.warn("Publishing figures failed, retrying on the next flush: {}", e.getMessage());
            store.withProjection(p -> {
                p.markDirty(batch.dirty());
                return null;
            });
            return;
        }
        store.remember(emitting);
        events.publishEvent(new FiguresFlushed(sessions, editions));
    }

    /** Whether the record's content (without its timestamp) differs from what was last published for its key. */
    private boolean changed(String topic, String key, Object content, List<EmittedRecord> emitting) {
        String id = topic + "/" + key;
        String fingerprint = fingerprint(json.writeValueAsString(content));
        if (store.emittedAlready(id, fingerprint)) {
            return false;
        }
        emitting.add(new EmittedRecord(id, fingerprint));
        return true;
    }

    static String fingerprint(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private CompletableFuture<?> send(String topic, String key, String type, Object value) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, json.writeValueAsString(value));
        record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        return kafka.send(record);
    }
}
