package org.eduweek.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import org.eduweek.platform.messaging.EventHeaders;

/**
 * Hands outbox messages to Kafka and only then removes them from their document: at-least-once, never "save, then
 * send and hope". The fast path is {@link #signal}: the writer names the document it just wrote and one relay
 * thread publishes it within milliseconds. With {@link #signal(String, Object, List)} the writer also hands over the
 * messages, so the relay publishes them without reading the document and then removes exactly those
 * {@code eventId}s; the removals of one round are one bulk write per collection (per-{@code _id} updates: the
 * embedded store answers {@code _id} equality from its index but scans the collection for {@code $in}).
 * A periodic sweep finds anything a crash left behind. Consumers dedupe by {@code eventId}, so the rare resend
 * after a crash between "acked" and "removed" is harmless.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties props;
    private final LinkedBlockingQueue<Signal> signals = new LinkedBlockingQueue<>();
    /** Documents signalled but not yet handled; the scheduled sweep leaves them to the fast path. */
    private final Map<DocumentRef, Integer> inFlight = new ConcurrentHashMap<>();
    private final Counter relayed;
    private final Counter failures;
    private volatile ScheduledExecutorService worker;

    record DocumentRef(String collection, Object id) {
    }

    /** One signal: the document, and the messages the writer handed over (null: read them from the document). */
    record Signal(DocumentRef ref, List<OutboxMessage> messages) {
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
        enqueue(new Signal(new DocumentRef(collection, id), null));
    }

    /**
     * Call after the write that added outbox messages to this document, with the document's {@code outbox} as it
     * stood right after that write, in its order: after an insert, what was inserted; after an update, the outbox
     * of the returned new image. The relay publishes them without reading the document (per-document order is the
     * array order; a message another writer's signal also carries is sent twice, which consumers dedupe), then
     * removes exactly these eventIds. Returns at once.
     */
    public void signal(String collection, Object id, List<OutboxMessage> messages) {
        if (messages == null) {
            signal(collection, id);
        } else if (!messages.isEmpty()) {
            enqueue(new Signal(new DocumentRef(collection, id), List.copyOf(messages)));
        }
    }

    private void enqueue(Signal signal) {
        inFlight.merge(signal.ref(), 1, Integer::sum);
        signals.add(signal);
        ScheduledExecutorService w = worker;
        if (w != null) {
            w.execute(this::drainSignals);
        }
    }

    /** Publishes everything pending in every configured collection; used by tests and by the scheduled sweep. */
    public synchronized int sweep() {
        return sweep(false);
    }

    /**
     * @param scheduled the periodic safety net, which runs while writers write and signal: it leaves to the fast
     *        path the documents a queued signal will publish anyway, and messages younger than one sweep interval
     *        (their writer may not have signalled yet), so it does not publish and remove them a second time
     */
    synchronized int sweep(boolean scheduled) {
        Bson pending = Filters.exists(OutboxMessage.FIELD + ".0");
        if (scheduled) {
            Date cutoff = Date.from(Instant.now().minus(props.sweepInterval()));
            pending = Filters.and(pending, Filters.or(Filters.lt(OutboxMessage.FIELD + ".0.createdAt", cutoff),
                    Filters.exists(OutboxMessage.FIELD + ".0.createdAt", false)));
        }
        int sent = 0;
        for (String collection : props.collections()) {
            MongoCollection<Document> c = mongo.getCollection(collection);
            List<Signal> found = new ArrayList<>();
            c.find(pending).projection(Projections.include("_id")).forEach(d -> {
                DocumentRef ref = new DocumentRef(collection, d.get("_id"));
                if (!scheduled || !inFlight.containsKey(ref)) {
                    found.add(new Signal(ref, null));
                }
            });
            for (int from = 0; from < found.size(); from += props.batchSize()) {
                sent += publish(collection, found.subList(from, Math.min(found.size(), from + props.batchSize())));
            }
        }
        return sent;
    }

    synchronized void drainSignals() {
        List<Signal> batch = new ArrayList<>();
        signals.drainTo(batch, props.batchSize());
        if (batch.isEmpty()) {
            return;
        }
        try {
            Map<String, List<Signal>> byCollection = new LinkedHashMap<>();
            batch.forEach(s -> byCollection.computeIfAbsent(s.ref().collection(), k -> new ArrayList<>()).add(s));
            byCollection.forEach(this::publish);
        } finally {
            batch.forEach(s -> inFlight.computeIfPresent(s.ref(), (k, n) -> n <= 1 ? null : n - 1));
        }
    }

    /**
     * One round: sends every message in signal order (per-key order is what consumers rely on), waits for all acks,
     * then removes what was sent with one bulk write of per-document {@code $pull}s.
     */
    private int publish(String collection, List<Signal> round) {
        try {
            MongoCollection<Document> c = mongo.getCollection(collection);
            Map<Object, List<String>> sentPerDoc = new LinkedHashMap<>();
            Set<Object> read = new HashSet<>();
            List<CompletableFuture<?>> acks = new ArrayList<>();
            for (Signal signal : round) {
                Object id = signal.ref().id();
                if (signal.messages() != null) {
                    for (OutboxMessage m : signal.messages()) {
                        if (!sent(acks, kafka.send(record(m)))) {
                            break;
                        }
                        sentPerDoc.computeIfAbsent(id, k -> new ArrayList<>()).add(m.eventId());
                    }
                    continue;
                }
                if (!read.add(id)) {
                    continue;
                }
                // one _id lookup per document: the embedded store answers _id equality from its index
                Document doc = c.find(Filters.eq("_id", id)).projection(Projections.include(OutboxMessage.FIELD))
                        .first();
                if (doc == null) {
                    continue;
                }
                for (Document m : doc.getList(OutboxMessage.FIELD, Document.class, List.of())) {
                    if (!sent(acks, kafka.send(record(m)))) {
                        break;
                    }
                    sentPerDoc.computeIfAbsent(id, k -> new ArrayList<>()).add(m.getString("eventId"));
                }
            }
            if (acks.isEmpty()) {
                return 0;
            }
            kafka.flush();
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            List<WriteModel<Document>> removals = new ArrayList<>();
            sentPerDoc.forEach((id, eventIds) -> removals.add(new UpdateOneModel<>(Filters.eq("_id", id),
                    Updates.pullByFilter(new Document(OutboxMessage.FIELD,
                            new Document("eventId", new Document("$in", eventIds)))))));
            c.bulkWrite(removals, new BulkWriteOptions().ordered(false));
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

    /**
     * Keeps the send's acknowledgement; false when it failed at once (e.g. the topic's metadata did not come in
     * time): the document's later messages then wait for the retry, or they would reach the topic before it.
     */
    private static boolean sent(List<CompletableFuture<?>> acks, CompletableFuture<?> ack) {
        acks.add(ack);
        return !ack.isCompletedExceptionally();
    }

    static ProducerRecord<String, String> record(Document m) {
        return record(m.getString("destination"), m.getString("key"), m.getString("payload"),
                m.getString("eventType"), String.valueOf(m.get("eventVersion")), m.getString("eventId"),
                m.getString("requestId"));
    }

    static ProducerRecord<String, String> record(OutboxMessage m) {
        return record(m.destination(), m.key(), m.payload(), m.eventType(), String.valueOf(m.eventVersion()),
                m.eventId(), m.requestId());
    }

    private static ProducerRecord<String, String> record(String destination, String key, String payload,
            String eventType, String eventVersion, String eventId, String requestId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(destination, key, payload);
        record.headers().add(EventHeaders.EVENT_TYPE, bytes(eventType));
        record.headers().add(EventHeaders.EVENT_VERSION, bytes(eventVersion));
        record.headers().add(EventHeaders.EVENT_ID, bytes(eventId));
        if (requestId != null) {
            record.headers().add(EventHeaders.REQUEST_ID, bytes(requestId));
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
            sweep(true);
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
