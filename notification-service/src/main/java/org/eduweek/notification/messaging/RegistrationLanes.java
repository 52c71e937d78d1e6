package org.eduweek.notification.messaging;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.stereotype.Component;

import org.eduweek.platform.messaging.EventHeaders;

/**
 * Runs the database work of registration events on a few lanes, so a burst on one partition (events are keyed by
 * session) is not limited to one event's round trips at a time. Events of one registration always take the same
 * lane, in order; events of different registrations are independent (their messages have their own dedupe keys).
 * <p>
 * Nothing is lost: the record is acknowledged only when its work is done, and the container commits an offset
 * only when every record before it is acknowledged (manual acks, {@code asyncAcks}); a crash redelivers the rest,
 * which the dedupe keys make harmless. Work that keeps failing is retried like the binder would (attempts with
 * back-off) and then dead-lettered to the same topic the binder uses, and acknowledged, so it blocks nothing.
 */
@Component
public class RegistrationLanes {

    private static final Logger log = LoggerFactory.getLogger(RegistrationLanes.class);

    private final ThreadPoolExecutor[] lanes;
    private final KafkaTemplate<String, String> kafka;
    private final String deadLetterTopic;
    private final int maxAttempts;
    private final long backoffMillis;
    private volatile boolean stopping;

    public RegistrationLanes(KafkaTemplate<String, String> kafka,
            @Value("${eduweek.notification.registration-lanes:8}") int lanes,
            @Value("${spring.cloud.stream.kafka.bindings.registrationEvents-in-0.consumer.dlq-name:notification-service.dlq}") String deadLetterTopic,
            @Value("${spring.cloud.stream.bindings.registrationEvents-in-0.consumer.max-attempts:3}") int maxAttempts,
            @Value("${spring.cloud.stream.bindings.registrationEvents-in-0.consumer.back-off-initial-interval:200}") long backoffMillis) {
        this.kafka = kafka;
        this.deadLetterTopic = deadLetterTopic;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.backoffMillis = backoffMillis;
        this.lanes = new ThreadPoolExecutor[Math.max(1, lanes)];
        for (int i = 0; i < this.lanes.length; i++) {
            String name = "registration-lane-" + i;
            // a full lane makes the consumer wait: back-pressure instead of an unbounded backlog in memory
            this.lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(64),
                    r -> {
                        Thread t = new Thread(r, name);
                        t.setDaemon(true);
                        return t;
                    }, (r, executor) -> {
                        try {
                            if (!executor.isShutdown()) {
                                executor.getQueue().put(r);
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    });
        }
    }

    /**
     * Runs {@code work} on the registration's lane and acknowledges the record afterwards. Without an
     * acknowledgment (not a manually acknowledged record) the work runs here and now, errors going to the caller.
     */
    public void submit(String registrationId, Message<String> record, Runnable work) {
        Acknowledgment ack = record.getHeaders().get(KafkaHeaders.ACKNOWLEDGMENT, Acknowledgment.class);
        if (ack == null) {
            work.run();
            return;
        }
        lanes[Math.floorMod(registrationId.hashCode(), lanes.length)].execute(() -> run(record, work, ack));
    }

    private void run(Message<String> record, Runnable work, Acknowledgment ack) {
        for (int attempt = 1; !stopping; attempt++) {
            try {
                work.run();
                ack.acknowledge();
                return;
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    deadLetter(record, e, ack);
                    return;
                }
                log.debug("Registration event failed (attempt {}): {}", attempt, e.toString());
                try {
                    Thread.sleep(backoffMillis << Math.min(10, attempt - 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        // stopping: not acknowledged, so it is delivered again after the restart
    }

    private void deadLetter(Message<String> record, RuntimeException error, Acknowledgment ack) {
        Object key = record.getHeaders().get(KafkaHeaders.RECEIVED_KEY);
        ProducerRecord<String, String> dead = new ProducerRecord<>(deadLetterTopic,
                key == null ? null : key.toString(), record.getPayload());
        header(dead, EventHeaders.EVENT_TYPE, EventHeaders.eventType(record));
        header(dead, EventHeaders.EVENT_ID, EventHeaders.text(record, EventHeaders.EVENT_ID));
        header(dead, "x-original-topic", record.getHeaders().get(KafkaHeaders.RECEIVED_TOPIC));
        header(dead, "x-original-partition", record.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION));
        header(dead, "x-original-offset", record.getHeaders().get(KafkaHeaders.OFFSET));
        header(dead, "x-exception-message", String.valueOf(error.getMessage()));
        try {
            kafka.send(dead).get(30, TimeUnit.SECONDS);
            log.warn("Registration event dead-lettered to {} after {} attempts: {}", deadLetterTopic, maxAttempts,
                    error.toString());
            ack.acknowledge();
        } catch (Exception e) {
            // not acknowledged: the offset stays, the event comes back after a restart or rebalance
            log.error("Could not dead-letter a failing registration event: {}", e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void header(ProducerRecord<String, String> r, String name, Object value) {
        if (value != null) {
            r.headers().add(name, String.valueOf(value).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Finishes what is in hand; whatever is not acknowledged is delivered again after the restart. */
    @jakarta.annotation.PreDestroy
    public void stop() {
        stopping = true;
        for (ThreadPoolExecutor lane : lanes) {
            lane.shutdown();
        }
        for (ThreadPoolExecutor lane : lanes) {
            try {
                lane.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
