package org.eduweek.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import org.eduweek.platform.messaging.EventHeaders;

/**
 * Hands outbox messages to Kafka and only then removes them from their document: at-least-once, never "save, then
 * send and hope". The fast path is {@link #signal}: the writer names the document it just wrote and one relay
 * thread publishes it within milliseconds. A periodic sweep finds anything a crash left behind. Consumers dedupe by
 * {@code eventId}, so the rare resend after a crash between "acked" and "removed" is harmless.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties props;
    private final LinkedBlockingQueue<DocumentRef> signals = new LinkedBlockingQueue<>();
    private final Counter relayed;
    private final Counter failures;
    private volatile ScheduledExecutorService worker;

    record DocumentRef(String collection, Object id) {
    }

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties props,
            MeterRegistry meters) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.props = props;
        this.relayed = Counter.builder("eduweek.outbox.relayed").description("events handed to Kafka").register(meters);
        this.failures = Counter.builder("eduweek.outbox.failures").description("relay rounds that failed")
                .register(meters);
    }

    /** Call after the write that added outbox messages to this document; returns at once. */
    public void signal(String collection, Object id) {
        signals.add(new DocumentRef(collection, id));
        ScheduledExecutorService w = worker;
        if (w != null) {
            w.execute(this::drainSignals);
        }
    }

    /** Publishes everything pending in every configured collection; used by the sweep and by tests. */
    public synchronized int sweep() {
        int sent = 0;
        for (String collection : props.collections()) {
            MongoCollection<Document> c = mongo.getCollection(collection);
            List<Object> ids = new ArrayList<>();
            c.find(Filters.exists(OutboxMessage.FIELD + ".0")).projection(Projections.include("_id"))
                    .forEach(d -> ids.add(d.get("_id")));
            for (int from = 0; from < ids.size(); from += props.batchSize()) {
                sent += publish(collection, ids.subList(from, Math.min(ids.size(), from + props.batchSize())));
            }
        }
        return sent;
    }

    synchronized void drainSignals() {
        List<DocumentRef> batch = new ArrayList<>();
        signals.drainTo(batch, props.batchSize());
        if (batch.isEmpty()) {
            return;
        }
        Map<String, List<Object>> byCollection = new LinkedHashMap<>();
        batch.forEach(ref -> byCollection.computeIfAbsent(ref.collection(), k -> new ArrayList<>()).add(ref.id()));
        byCollection.forEach(this::publish);
    }

    private int publish(String collection, List<Object> ids) {
        try {
            MongoCollection<Document> c = mongo.getCollection(collection);
            Map<Object, List<String>> sentPerDoc = new LinkedHashMap<>();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            // One _id lookup per document, in the order the writers signalled (per-key order is what consumers
            // rely on). The embedded store answers _id equality from its index but scans the collection for $in.
            for (Object id : new java.util.LinkedHashSet<>(ids)) {
                Document doc = c.find(Filters.eq("_id", id)).projection(Projections.include(OutboxMessage.FIELD))
                        .first();
                if (doc == null) {
                    continue;
                }
                for (Document m : doc.getList(OutboxMessage.FIELD, Document.class, List.of())) {
                    acks.add(kafka.send(record(m)));
                    sentPerDoc.computeIfAbsent(id, k -> new ArrayList<>()).add(m.getString("eventId"));
                }
            }
            if (acks.isEmpty()) {
                return 0;
            }
            kafka.flush();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            sentPerDoc.forEach((id, eventIds) -> c.updateOne(Filters.eq("_id", id),
                    Updates.pullByFilter(new Document(OutboxMessage.FIELD,
                            new Document("eventId", new Document("$in", eventIds))))));
            relayed.increment(acks.size());
            return acks.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            failures.increment();
            log.warn("Outbox relay round for {} failed; the sweep will retry: {}", collection, e.toString());
            return 0;
        }
    }

    static ProducerRecord<String, String> record(Document m) {
        ProducerRecord<String, String> record = new ProducerRecord<>(m.getString("destination"), m.getString("key"),
                m.getString("payload"));
        record.headers().add(EventHeaders.EVENT_TYPE, bytes(m.getString("eventType")));
        record.headers().add(EventHeaders.EVENT_VERSION, bytes(String.valueOf(m.get("eventVersion"))));
        record.headers().add(EventHeaders.EVENT_ID, bytes(m.getString("eventId")));
        if (m.getString("requestId") != null) {
            record.headers().add(EventHeaders.REQUEST_ID, bytes(m.getString("requestId")));
        }
        return record;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outbox-relay");
            t.setDaemon(true);
            return t;
        });
        long every = props.sweepInterval().toMillis();
        worker.scheduleWithFixedDelay(this::safeSweep, 0, every, TimeUnit.MILLISECONDS);
    }

    private void safeSweep() {
        try {
            drainSignals();
            sweep();
        } catch (RuntimeException e) {
            log.warn("Outbox sweep failed; next round retries: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        ScheduledExecutorService w = worker;
        worker = null;
        if (w != null) {
            w.shutdown();
            try {
                w.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
