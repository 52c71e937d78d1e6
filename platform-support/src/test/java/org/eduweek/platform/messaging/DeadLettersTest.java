package org.eduweek.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.MongoSocketReadTimeoutException;
import com.mongodb.ServerAddress;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * A record whose handling fails because the store does not answer is retried until it does, never dead-lettered
 * after the usual attempts; any other failure still goes to the dead-letter topic after them. The test counts
 * the records handed to the dead-letter publisher.
 */
class DeadLettersTest {

    private final DeadLetters deadLetters = new DeadLetters(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1", ProducerConfig.MAX_BLOCK_MS_CONFIG, 300),
            new EventConsumptionProperties(2, Duration.ofMillis(1), Duration.ofMillis(2), 10));
    private final MessageListenerContainer container = mock(MessageListenerContainer.class);
    private final Consumer<?, ?> consumer = mock(Consumer.class);

    private final AtomicInteger deadLettered = new AtomicInteger();

    private TopicPartition deadLetterTopic(ConsumerRecord<?, ?> record, Exception e) {
        deadLettered.incrementAndGet();
        return new TopicPartition("outage-test.dlq", record.partition());
    }

    @AfterEach
    void close() {
        deadLetters.destroy();
    }

    @Test
    void aStoreThatDoesNotAnswerIsWaitedForBeyondTheAttemptsOfAFailingRecord() {
        when(container.isRunning()).thenReturn(true);
        DefaultErrorHandler handler = deadLetters.errorHandler(this::deadLetterTopic, null);
        ConsumerRecord<String, String> record = new ConsumerRecord<>("registration.events.v1", 0, 7, "k", "{}");
        Exception timeout = new ListenerExecutionFailedException("listener failed",
                new DataAccessResourceFailureException("Timeout while receiving message",
                        new MongoSocketReadTimeoutException("Timeout while receiving message",
                                new ServerAddress("127.0.0.1", 27017), new java.net.SocketTimeoutException())));
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(handler.handleOne(timeout, record, consumer, container)).as("attempt " + attempt).isFalse();
        }
        assertThat(deadLettered).hasValue(0);
    }

    @Test
    void anyOtherFailureIsDeadLetteredAfterTheConfiguredAttempts() {
        when(container.isRunning()).thenReturn(true);
        DefaultErrorHandler handler = deadLetters.errorHandler(this::deadLetterTopic, null);
        ConsumerRecord<String, String> record = new ConsumerRecord<>("registration.events.v1", 0, 8, "k", "{}");
        Exception bug = new ListenerExecutionFailedException("listener failed", new IllegalStateException("a bug"));
        handler.handleOne(bug, record, consumer, container);
        assertThat(deadLettered).hasValue(0);
        // the second attempt is the last: the handler dead-letters (the send itself fails against the closed port)
        handler.handleOne(bug, record, consumer, container);
        assertThat(deadLettered).hasValue(1);
    }
}
