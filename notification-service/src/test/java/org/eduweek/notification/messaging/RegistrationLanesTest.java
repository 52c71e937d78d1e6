package org.eduweek.notification.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.Acknowledgment;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

class RegistrationLanesTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
    private final RegistrationLanes lanes = new RegistrationLanes(kafka, 4, "notification-service.dlq", 3, 1);

    @AfterEach
    void stop() {
        lanes.stop();
    }

    private static Message<String> record(Acknowledgment ack) {
        return MessageBuilder.withPayload("{}").setHeader(KafkaHeaders.ACKNOWLEDGMENT, ack)
                .setHeader(KafkaHeaders.RECEIVED_TOPIC, "registration.events.v1").setHeader("eventType",
                        "RegistrationCreated").build();
    }

    @Test
    void keepsTheOrderOfOneRegistrationsEventsAndAcknowledgesEachWhenDone() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        List<Acknowledgment> acks = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            int n = i;
            Acknowledgment ack = mock(Acknowledgment.class);
            acks.add(ack);
            lanes.submit("reg-1", record(ack), () -> seen.add(n));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 50);
        assertThat(seen).isSorted();
        acks.forEach(ack -> verify(ack, timeout(1_000)).acknowledge());
    }

    @Test
    void oneSlowRegistrationDoesNotHoldUpTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Acknowledgment slowAck = mock(Acknowledgment.class);
        lanes.submit("reg-slow", record(slowAck), () -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicInteger done = new AtomicInteger();
        for (int i = 0; i < 20; i++) {
            String reg = "reg-" + i;
            if (Math.floorMod(reg.hashCode(), 4) != Math.floorMod("reg-slow".hashCode(), 4)) {
                lanes.submit(reg, record(mock(Acknowledgment.class)), done::incrementAndGet);
            }
        }
        await().atMost(Duration.ofSeconds(3)).until(() -> done.get() > 0);
        verify(slowAck, never()).acknowledge();
        release.countDown();
        verify(slowAck, timeout(2_000)).acknowledge();
    }

    @Test
    @SuppressWarnings("unchecked")
    void retriesFailingWorkThenDeadLettersAndAcknowledgesIt() {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(null));
        AtomicInteger attempts = new AtomicInteger();
        Acknowledgment ack = mock(Acknowledgment.class);

        lanes.submit("reg-2", record(ack), () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("database down");
        });

        verify(ack, timeout(5_000)).acknowledge();
        assertThat(attempts).hasValue(3);
        ArgumentCaptor<ProducerRecord<String, String>> dead = ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(dead.capture());
        assertThat(dead.getValue().topic()).isEqualTo("notification-service.dlq");
        assertThat(new String(dead.getValue().headers().lastHeader("x-original-topic").value()))
                .isEqualTo("registration.events.v1");
    }

    @Test
    void runsInPlaceWhenTheRecordIsNotAcknowledgedManually() {
        List<String> threads = new ArrayList<>();
        lanes.submit("reg-3", MessageBuilder.withPayload("{}").build(),
                () -> threads.add(Thread.currentThread().getName()));
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }
}
